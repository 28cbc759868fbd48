import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Transaction } from 'kysely';
import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import { type AfterCommit, inTransaction } from '../../core/tx.ts';
import type { DB, DocumentRow, DocumentTemplateRow, Locale } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { containsText, type ListSpec, listPage } from '../../http/list.ts';
import { getVisibleContact } from '../contacts/contacts.service.ts';
import { getVisibleDeal } from '../deals/deals.service.ts';
import { queueMail } from '../mail/outbox.ts';
import { getSetting } from '../settings/settings.repository.ts';
import { recordChange } from '../timeline/changes.repository.ts';
import { ensureDefaultTemplates, getTemplate, TITLES } from './document-templates.ts';
import { buildDocumentData, type DocumentData } from './merge-data.ts';
import { nextNumber } from './numbers.ts';
import { renderPdf } from './pdf.ts';
import { renderTemplate } from './render.ts';

export function documentsDir(ctx: Pick<Ctx, 'config'>): string {
  return path.join(ctx.config.dataDir, 'documents');
}

export function presentDocument(row: DocumentRow) {
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    title: row.title,
    locale: row.locale,
    dealId: row.dealId,
    contactId: row.contactId,
    companyId: row.companyId,
    templateId: row.templateId,
    templateVersion: row.templateVersion,
    netCents: row.netCents,
    grossCents: row.grossCents,
    currency: row.currency,
    status: row.status,
    correctsId: row.correctsId,
    sentAt: row.sentAt,
    userId: row.userId,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export async function companyLogo(ctx: Pick<Ctx, 'db'>): Promise<Buffer | null> {
  const logo = await getSetting<{ data: string; mime: string }>(ctx.db, 'company.logo');
  return logo ? Buffer.from(logo.value.data, 'base64') : null;
}

/** Renders data + template source into a PDF (used for issuing and for the editor's preview). */
export async function makePdf(data: DocumentData, source: string, logo: Buffer | null): Promise<Buffer> {
  const body = await renderTemplate(source, data, data.locale);
  return renderPdf(data, body, { logo });
}

/**
 * Issues a document for a deal from a template: the number, the frozen data and the PDF are made and
 * stored in one transaction (a failure consumes no number), then it shows on the deal's and contact's
 * timeline. The PDF file is written before commit and removed again if the commit fails.
 */
export async function createDocument(
  ctx: Ctx,
  actor: Actor | null,
  dealId: string,
  input: IssueInput,
  opts: { correct?: DocumentRow } = {},
) {
  if (actor) await getVisibleDeal(ctx, actor, dealId);
  await ensureDefaultTemplates(ctx.db, ctx.clock.now().toISOString());
  const prepared = await prepareIssue(ctx, input);
  try {
    return await inTransaction(ctx, (trx, after) =>
      issueDocumentIn(trx, ctx, after, actor?.userId ?? null, dealId, prepared, opts),
    );
  } catch (err) {
    await fs.promises.rm(prepared.fullPath, { force: true });
    throw err;
  }
}

export interface IssueInput {
  templateId?: string;
  kind?: string;
  locale?: Locale;
  deliveryDate?: string | null;
}

export interface PreparedIssue {
  id: string;
  fullPath: string;
  logo: Buffer | null;
  template: DocumentTemplateRow;
  deliveryDate: string | null;
}

/** What can be read before the transaction: the template and the logo (inside it only trx may touch the database). */
export async function prepareIssue(ctx: Ctx, input: IssueInput): Promise<PreparedIssue> {
  const template = input.templateId
    ? await getTemplate(ctx, input.templateId)
    : await ctx.db
        .selectFrom('documentTemplates')
        .selectAll()
        .where('kind', '=', input.kind ?? 'offer')
        .where('locale', '=', input.locale ?? 'de')
        .where('active', '=', 1)
        .orderBy('isDefault', 'desc')
        .executeTakeFirst();
  if (!template)
    throw new AppError('unprocessable', 'No template for this document', [{ path: 'templateId', message: 'unknown template' }]);
  fs.mkdirSync(documentsDir(ctx), { recursive: true });
  const id = newId();
  return {
    id,
    fullPath: path.join(documentsDir(ctx), `${id}.pdf`),
    logo: await companyLogo(ctx),
    template,
    deliveryDate: input.deliveryDate ?? null,
  };
}

/** Issues a prepared document inside the caller's transaction (the API's, or a workflow step's). */
export async function issueDocumentIn(
  trx: Transaction<DB>,
  ctx: Ctx,
  after: AfterCommit,
  userId: string | null,
  dealId: string,
  prepared: PreparedIssue,
  opts: { correct?: DocumentRow } = {},
) {
  const { id, template } = prepared;
  const now = ctx.clock.now().toISOString();
  const kind = opts.correct ? 'cancellation' : template.kind;
  const locale = template.locale;
  const title = TITLES[kind]?.[locale] ?? template.name;
  const number = await nextNumber(trx, kind, Number(now.slice(0, 4)));
  const data = await buildDocumentData(trx, {
    dealId,
    userId,
    kind,
    title,
    number,
    nowIso: now,
    locale,
    deliveryDate: prepared.deliveryDate,
    sign: opts.correct ? -1 : 1,
    correctsNumber: opts.correct?.number,
  });
  const pdf = await makePdf(data, template.source, prepared.logo);
  await fs.promises.writeFile(prepared.fullPath, pdf, { flag: 'wx', mode: 0o640 });
  const deal = await trx
    .selectFrom('deals')
    .select(['contactId', 'companyId', 'currency'])
    .where('id', '=', dealId)
    .executeTakeFirstOrThrow();
  const row: DocumentRow = {
    id,
    kind,
    number,
    title,
    locale,
    dealId,
    contactId: deal.contactId,
    companyId: deal.companyId,
    templateId: template.id,
    templateVersion: template.version,
    data: JSON.stringify(data),
    file: path.basename(prepared.fullPath),
    sha256: createHash('sha256').update(pdf).digest('hex'),
    size: pdf.length,
    netCents: data.totals.netCents,
    grossCents: data.totals.grossCents,
    currency: deal.currency,
    status: 'issued',
    correctsId: opts.correct?.id ?? null,
    sentAt: null,
    userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await trx.insertInto('documents').values(row).execute();
  if (opts.correct)
    await trx.updateTable('documents').set({ status: 'canceled', updatedAt: now }).where('id', '=', opts.correct.id).execute();
  for (const [entityType, entityId] of [
    ['deal', dealId],
    ['contact', deal.contactId],
  ] as const) {
    if (entityId)
      await recordChange(trx, {
        entityType,
        entityId,
        userId,
        action: 'document_created',
        changes: [{ field: 'document', from: null, to: `${title} ${number}` }],
        at: now,
      });
  }
  after(() =>
    ctx.events.emit({
      type: 'document.created',
      entityType: 'document',
      entityId: id,
      actorId: userId,
      at: now,
      data: { dealId, kind, number },
    }),
  );
  return presentDocument(row);
}

/** The documents of a deal or contact, newest first; one page holds 200. */
export const DOCUMENT_LIST: ListSpec = {
  defaultSort: '-createdAt',
  defaultLimit: 200,
  idColumn: 'documents.id',
  sortable: {
    createdAt: { expr: 'documents.createdAt' },
    number: { expr: 'documents.number' },
    grossCents: { expr: 'documents.grossCents' },
  },
  filters: {
    kind: { expr: 'documents.kind', schema: Type.String({ maxLength: 40 }) },
    status: { expr: 'documents.status', schema: Type.Union([Type.Literal('issued'), Type.Literal('canceled')]) },
    number: { expr: 'documents.number', schema: Type.String({ maxLength: 60 }) },
  },
  search: containsText('documents.number', 'documents.title'),
};

export async function listDealDocuments(ctx: Ctx, actor: Actor, dealId: string, query: Record<string, unknown>) {
  await getVisibleDeal(ctx, actor, dealId);
  const page = await listPage(ctx.db.selectFrom('documents').selectAll().where('dealId', '=', dealId), DOCUMENT_LIST, query);
  return { data: page.rows.map(presentDocument), nextCursor: page.nextCursor };
}

export async function listContactDocuments(ctx: Ctx, actor: Actor, contactId: string, query: Record<string, unknown>) {
  await getVisibleContact(ctx, actor, contactId);
  const page = await listPage(
    ctx.db.selectFrom('documents').selectAll().where('contactId', '=', contactId),
    DOCUMENT_LIST,
    query,
  );
  return { data: page.rows.map(presentDocument), nextCursor: page.nextCursor };
}

/** A document the actor may see: through its deal (or its contact when the deal is gone). */
export async function getVisibleDocument(ctx: Ctx, actor: Actor, id: string): Promise<DocumentRow> {
  const row = await ctx.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Document');
  try {
    if (row.dealId) await getVisibleDeal(ctx, actor, row.dealId);
    else if (row.contactId) await getVisibleContact(ctx, actor, row.contactId);
    else if (actor.role !== 'admin') throw notFound('Document');
  } catch {
    throw notFound('Document');
  }
  return row;
}

export function documentFile(ctx: Pick<Ctx, 'config'>, row: Pick<DocumentRow, 'file'>): string {
  return path.join(documentsDir(ctx), path.basename(row.file));
}

/** An issued invoice is never changed: it is corrected by a cancellation invoice with the amounts negated. */
export async function cancelDocument(ctx: Ctx, actor: Actor, id: string) {
  const original = await getVisibleDocument(ctx, actor, id);
  if (original.kind !== 'invoice')
    throw new AppError('unprocessable', 'Only invoices are cancelled by a cancellation invoice', [
      { path: 'kind', message: 'not an invoice' },
    ]);
  if (original.status === 'canceled') throw new AppError('conflict', 'The invoice is already cancelled');
  if (!original.dealId) throw new AppError('unprocessable', 'The deal of this invoice no longer exists');
  return createDocument(
    ctx,
    actor,
    original.dealId,
    { templateId: original.templateId ?? undefined, kind: 'invoice', locale: original.locale },
    { correct: original },
  );
}

/** Sends a document as a PDF attachment to the contact (or another address), logged on the timeline. */
export async function sendDocument(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { to?: string; subject?: string; message?: string },
) {
  const doc = await getVisibleDocument(ctx, actor, id);
  const data = JSON.parse(doc.data) as DocumentData;
  const to = input.to ?? data.customer.email;
  if (!to) throw new AppError('unprocessable', 'The contact has no e-mail address', [{ path: 'to', message: 'required' }]);
  if (!ctx.config.smtpUrl) throw new AppError('unavailable', 'E-mail is not configured (KONTOR_SMTP_URL)');
  const de = doc.locale !== 'en';
  const subject = input.subject ?? `${doc.title} ${doc.number}${data.company.legalName ? ` – ${data.company.legalName}` : ''}`;
  const text =
    input.message ??
    (de
      ? `${data.contact.name ? `Guten Tag ${data.contact.name},` : 'Sehr geehrte Damen und Herren,'}\n\nanbei erhalten Sie unser Dokument ${doc.title} ${doc.number}.\n\nMit freundlichen Grüßen\n${data.user.name || data.company.legalName}`
      : `${data.contact.name ? `Dear ${data.contact.name},` : 'Dear Sir or Madam,'}\n\nplease find attached our ${doc.title} ${doc.number}.\n\nKind regards\n${data.user.name || data.company.legalName}`);
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx, after) => {
    await queueMail(
      trx,
      ctx,
      { to, subject, text, attachments: [{ filename: `${doc.number}.pdf`, contentType: 'application/pdf', documentId: doc.id }] },
      after,
    );
    await trx.updateTable('documents').set({ sentAt: now, updatedAt: now }).where('id', '=', id).execute();
    await trx
      .insertInto('activities')
      .values({
        id: newId(),
        type: 'email',
        contactId: doc.contactId,
        companyId: doc.companyId,
        dealId: doc.dealId,
        userId: actor.userId,
        body: `${subject} → ${to}`,
        occurredAt: now,
        direction: 'outbound',
        durationSec: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
  });
  return presentDocument({ ...doc, sentAt: now });
}

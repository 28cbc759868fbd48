import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql, type Transaction } from 'kysely';
import { Type } from 'typebox';
import { type Actor, isAdmin } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import { PROJECT_ROOT } from '../../core/paths.ts';
import type { DB, DocumentTemplateRow, Locale } from '../../db/schema.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { versionMismatch } from '../../http/if-match.ts';
import { containsText, type ListSpec, listPage } from '../../http/list.ts';
import { checkTemplate } from './render.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const KINDS = ['offer', 'order-confirmation', 'invoice', 'delivery-note', 'credit-note'];

const SHIPPED: { kind: string; locale: Locale; name: string }[] = [
  { kind: 'offer', locale: 'de', name: 'Angebot' },
  { kind: 'offer', locale: 'en', name: 'Offer' },
  { kind: 'order-confirmation', locale: 'de', name: 'Auftragsbestätigung' },
  { kind: 'order-confirmation', locale: 'en', name: 'Order confirmation' },
  { kind: 'invoice', locale: 'de', name: 'Rechnung' },
  { kind: 'invoice', locale: 'en', name: 'Invoice' },
];

export const TITLES: Record<string, Record<Locale, string>> = {
  offer: { de: 'Angebot', en: 'Offer' },
  'order-confirmation': { de: 'Auftragsbestätigung', en: 'Order confirmation' },
  invoice: { de: 'Rechnung', en: 'Invoice' },
  cancellation: { de: 'Stornorechnung', en: 'Cancellation invoice' },
  'credit-note': { de: 'Gutschrift', en: 'Credit note' },
  'delivery-note': { de: 'Lieferschein', en: 'Delivery note' },
};

export function presentTemplate(row: DocumentTemplateRow) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    locale: row.locale,
    source: row.source,
    isDefault: row.isDefault === 1,
    builtinKey: row.builtinKey,
    active: row.active === 1,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** The shipped defaults from templates/documents, copied into the database once (then edited there). */
export async function ensureDefaultTemplates(db: Db, now: string): Promise<void> {
  for (const t of SHIPPED) {
    const key = `${t.kind}.${t.locale}`;
    if (await db.selectFrom('documentTemplates').select('id').where('builtinKey', '=', key).executeTakeFirst()) continue;
    const source = fs.readFileSync(path.join(PROJECT_ROOT, 'templates', 'documents', `${key}.hbs`), 'utf8');
    const id = newId();
    await db
      .insertInto('documentTemplates')
      .values({
        id,
        name: t.name,
        kind: t.kind,
        locale: t.locale,
        source,
        isDefault: 1,
        builtinKey: key,
        active: 1,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await db
      .insertInto('documentTemplateVersions')
      .values({ templateId: id, version: 1, source, userId: null, createdAt: now })
      .execute();
  }
}

/** Templates by kind, language and name; one page holds 200. */
export const TEMPLATE_LIST: ListSpec = {
  defaultSort: 'kind',
  defaultLimit: 200,
  idColumn: 'documentTemplates.id',
  sortable: {
    kind: {
      expr: sql`document_templates.kind || char(1) || document_templates.locale || char(1) || lower(document_templates.name)`,
    },
    name: { expr: sql`lower(document_templates.name)` },
    createdAt: { expr: 'documentTemplates.createdAt' },
    updatedAt: { expr: 'documentTemplates.updatedAt' },
  },
  filters: {
    kind: { expr: 'documentTemplates.kind', schema: Type.String({ maxLength: 40 }) },
    locale: { expr: 'documentTemplates.locale', schema: Type.Union([Type.Literal('de'), Type.Literal('en')]) },
    active: { expr: 'documentTemplates.active', kind: 'bool', schema: Type.Boolean() },
    isDefault: { expr: 'documentTemplates.isDefault', kind: 'bool', schema: Type.Boolean() },
  },
  search: containsText('documentTemplates.name'),
};

export async function listTemplates(ctx: Ctx, query: Record<string, unknown>) {
  const page = await listPage(ctx.db.selectFrom('documentTemplates').selectAll(), TEMPLATE_LIST, query);
  return { data: page.rows.map(presentTemplate), nextCursor: page.nextCursor };
}

export async function getTemplate(ctx: Pick<Ctx, 'db'>, id: string): Promise<DocumentTemplateRow> {
  const row = await ctx.db.selectFrom('documentTemplates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Document template');
  return row;
}

function assertEditor(actor: Actor) {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can edit document templates');
}

export async function createTemplate(
  ctx: Ctx,
  actor: Actor,
  input: { name: string; kind: string; locale?: Locale; source: string },
) {
  assertEditor(actor);
  if (!KINDS.includes(input.kind))
    throw new AppError('validation_failed', 'Unknown document kind', [{ path: 'kind', message: `one of ${KINDS.join(', ')}` }]);
  await checkTemplate(input.source, input.kind, input.locale ?? 'de');
  const now = ctx.clock.now().toISOString();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('documentTemplates')
      .values({
        id,
        name: input.name.trim(),
        kind: input.kind,
        locale: input.locale ?? 'de',
        source: input.source,
        isDefault: 0,
        builtinKey: null,
        active: 1,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    await trx
      .insertInto('documentTemplateVersions')
      .values({ templateId: id, version: 1, source: input.source, userId: actor.userId, createdAt: now })
      .execute();
  });
  return presentTemplate(await getTemplate(ctx, id));
}

/** Edits make a new version; documents keep the version they were made with. */
export async function updateTemplate(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { name?: string; source?: string; active?: boolean; isDefault?: boolean },
  expected?: number,
) {
  assertEditor(actor);
  const current = await getTemplate(ctx, id);
  if (input.source !== undefined) await checkTemplate(input.source, current.kind, current.locale);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    let q = trx
      .updateTable('documentTemplates')
      .set({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.source !== undefined ? { source: input.source } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        ...(input.isDefault !== undefined ? { isDefault: input.isDefault ? 1 : 0 } : {}),
        updatedAt: now,
        version: sql`version + 1` as unknown as number,
      })
      .where('id', '=', id);
    if (expected !== undefined) q = q.where('version', '=', expected);
    const row = await q.returningAll().executeTakeFirst();
    if (!row) throw versionMismatch(current.version);
    if (input.isDefault)
      await trx
        .updateTable('documentTemplates')
        .set({ isDefault: 0 })
        .where('kind', '=', row.kind)
        .where('locale', '=', row.locale)
        .where('id', '!=', id)
        .execute();
    await trx
      .insertInto('documentTemplateVersions')
      .values({ templateId: id, version: row.version, source: row.source, userId: actor.userId, createdAt: now })
      .execute();
  });
  return presentTemplate(await getTemplate(ctx, id));
}

/** A template's versions, newest first; one page holds 200. */
export const VERSION_LIST: ListSpec = {
  defaultSort: '-version',
  defaultLimit: 200,
  idColumn: 'documentTemplateVersions.version',
  sortable: { version: { expr: 'documentTemplateVersions.version' } },
  filters: { userId: { expr: 'documentTemplateVersions.userId', schema: Type.String({ maxLength: 64 }) } },
};

export async function templateVersions(ctx: Ctx, id: string, query: Record<string, unknown>) {
  await getTemplate(ctx, id);
  const page = await listPage(
    ctx.db.selectFrom('documentTemplateVersions').selectAll().where('templateId', '=', id),
    VERSION_LIST,
    query,
  );
  return { data: page.rows, nextCursor: page.nextCursor };
}

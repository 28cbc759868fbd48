import { assertCanAssignOwner, assertOwnerSide } from '../../core/access.ts';
import type { Actor } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import { addressOf, optionalText, parseCustom, parseTags } from '../../core/record-fields.ts';
import { rowChanges } from '../../core/row-changes.ts';
import { similarNames } from '../../core/similarity.ts';
import { inTransaction } from '../../core/tx.ts';
import type { ContactRow } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { versionMismatch } from '../../http/if-match.ts';
import { parseListParams } from '../../http/list.ts';
import { sortFieldsFor } from '../../http/record-query.ts';
import type { Duplicate } from '../../http/schemas.ts';
import { findVisibleCompany } from '../companies/companies.repository.ts';
import { listDefinitions } from '../custom-fields/custom-fields.repository.ts';
import { customerUpdateColumns, newCustomerColumns } from '../customers/customer-columns.ts';
import { fillFrom, loadMergePair, mergedCustomerColumns, mergeInto } from '../customers/customer-merge.ts';
import {
  assertExternalIdFree,
  assertOwnerChange,
  checkedCustomFields,
  publishCustomer,
  recordUpdate,
} from '../customers/customer-records.ts';
import { diffRecords, recordChange } from '../timeline/changes.repository.ts';
import * as repo from './contacts.repository.ts';
import type { Contact, CreateContact, UpdateContact } from './contacts.schemas.ts';

export function presentContact(row: repo.ContactWithCompany): Contact {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    name: displayName(row),
    email: row.email,
    phone: row.phone,
    companyId: row.companyId,
    companyName: row.companyName,
    ownerId: row.ownerId,
    source: row.source,
    address: addressOf(row),
    tags: parseTags(row.tags),
    customFields: parseCustom(row.customFields),
    externalId: row.externalId,
    lastActivityAt: row.lastActivityAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export function displayName(row: { firstName: string; lastName: string; email?: string | null }): string {
  return `${row.firstName} ${row.lastName}`.trim() || row.email || '—';
}

const TRACKED = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'companyId',
  'ownerId',
  'source',
  'address',
  'tags',
  'customFields',
  'externalId',
];

export async function listContacts(
  ctx: Ctx,
  actor: Actor,
  query: Record<string, unknown> & { limit?: number; cursor?: string; sort?: string },
) {
  const defs = await listDefinitions(ctx.db, 'contact');
  const sortable = sortFieldsFor(repo.CONTACT_LIST, defs);
  const params = parseListParams(query, sortable, 'lastName');
  const page = await repo.listContacts(ctx.db, actor, defs, query, params, sortable);
  return { data: page.rows.map(presentContact), nextCursor: page.nextCursor };
}

/** A contact the actor may see; anything else is a 404. */
export async function getVisibleContact(ctx: Ctx, actor: Actor, id: string): Promise<repo.ContactWithCompany> {
  const row = await repo.findVisibleContact(ctx.db, actor, id);
  if (!row) throw notFound('Contact');
  return row;
}

async function assertCompanyVisible(ctx: Ctx, actor: Actor, companyId: string | null | undefined): Promise<void> {
  if (!companyId) return;
  if (!(await findVisibleCompany(ctx.db, actor, companyId))) {
    throw new AppError('unprocessable', 'The company does not exist', [{ path: 'companyId', message: 'unknown company' }]);
  }
}

/** Likely duplicates of a contact among those the actor may see, with the reasons. */
export async function findDuplicates(ctx: Ctx, actor: Actor, probe: repo.ContactProbe): Promise<Duplicate[]> {
  const candidates = await repo.duplicateCandidates(ctx.db, actor, probe);
  const out: Duplicate[] = [];
  for (const c of candidates) {
    const reasons: Duplicate['reasons'] = [];
    if (probe.email && c.email && c.email.toLowerCase() === probe.email.toLowerCase()) reasons.push('email');
    if (probe.phoneNormalized && c.phoneNormalized === probe.phoneNormalized) reasons.push('phone');
    const sameCompany = c.companyId === probe.companyId;
    if (sameCompany && similarNames({ first: probe.firstName, last: probe.lastName }, { first: c.firstName, last: c.lastName })) {
      reasons.push('name');
    }
    if (reasons.length > 0) out.push({ id: c.id, title: displayName(c), subtitle: c.email ?? c.companyName ?? null, reasons });
  }
  return out;
}

export async function createContact(ctx: Ctx, actor: Actor, input: CreateContact) {
  const firstName = input.firstName?.trim() ?? '';
  const lastName = input.lastName?.trim() ?? '';
  if (!firstName && !lastName) {
    throw new AppError('validation_failed', 'A contact needs a first or last name', [
      { path: 'lastName', message: 'first or last name is required' },
    ]);
  }
  const ownerId = input.ownerId ?? actor.userId;
  await assertCanAssignOwner(ctx.db, actor, ownerId);
  await assertCompanyVisible(ctx, actor, input.companyId);
  const customFields = await checkedCustomFields(ctx.db, 'contact', input.customFields);
  const now = isoNow(ctx.clock);
  const row: ContactRow = {
    id: newId(),
    firstName,
    lastName,
    companyId: input.companyId ?? null,
    source: optionalText(input.source) ?? null,
    lastActivityAt: null,
    ...newCustomerColumns(input, ownerId, customFields, now),
  };
  await inTransaction(ctx, async (trx, after) => {
    await assertExternalIdFree(trx, 'contact', row.externalId);
    await repo.insertContact(trx, row);
    await recordChange(trx, { entityType: 'contact', entityId: row.id, userId: actor.userId, action: 'created', at: now });
    await publishCustomer(trx, ctx, after, 'contact', 'created', row, actor.userId);
  });
  const contact = presentContact({ ...row, companyName: await repo.companyName(ctx.db, row.companyId) });
  const possibleDuplicates = await findDuplicates(ctx, actor, { ...row, id: row.id });
  return { ...contact, possibleDuplicates };
}

export async function updateContact(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: UpdateContact,
  expected?: number,
): Promise<Contact> {
  const current = await getVisibleContact(ctx, actor, id);
  await assertOwnerChange(ctx.db, actor, current.ownerId, input.ownerId);
  if (input.companyId !== undefined && input.companyId !== current.companyId)
    await assertCompanyVisible(ctx, actor, input.companyId);
  const names: Partial<ContactRow> = {};
  if (input.firstName !== undefined) names.firstName = input.firstName.trim();
  if (input.lastName !== undefined) names.lastName = input.lastName.trim();
  if (!(names.firstName ?? current.firstName) && !(names.lastName ?? current.lastName)) {
    throw new AppError('validation_failed', 'A contact needs a first or last name', [
      { path: 'lastName', message: 'first or last name is required' },
    ]);
  }
  const changes: Partial<ContactRow> = { ...names, ...(await customerUpdateColumns(ctx.db, 'contact', input, current)) };
  if (input.companyId !== undefined) changes.companyId = input.companyId;
  if (input.source !== undefined) changes.source = optionalText(input.source) ?? null;
  const now = isoNow(ctx.clock);
  const updated = await inTransaction(ctx, async (trx, after) => {
    await assertExternalIdFree(trx, 'contact', changes.externalId, id);
    const row = await repo.updateContact(trx, id, changes, now, expected);
    if (!row) throw versionMismatch(current.version);
    const next = { ...row, companyName: await repo.companyName(trx, row.companyId) };
    const diff = diffRecords(presentContact(current), presentContact(next), TRACKED);
    await recordUpdate(trx, 'contact', id, actor, diff, now);
    await publishCustomer(trx, ctx, after, 'contact', 'updated', next, actor.userId, rowChanges(current, next));
    return next;
  });
  return presentContact(updated);
}

export async function deleteContact(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const contact = await getVisibleContact(ctx, actor, id);
  await assertOwnerSide(ctx.db, actor, contact.ownerId, 'delete');
  await inTransaction(ctx, async (trx, after) => {
    await repo.deleteContact(trx, id);
    await publishCustomer(trx, ctx, after, 'contact', 'deleted', contact, actor.userId);
  });
}

/**
 * Merges `otherId` into `id`: every activity, deal, task and document of the other moves over,
 * empty fields are filled from it, tags and custom fields are united, its history joins the
 * timeline; then the other is deleted. Both must be visible to the actor.
 */
export async function mergeContacts(ctx: Ctx, actor: Actor, id: string, otherId: string): Promise<Contact> {
  const { keep, other } = await loadMergePair(
    ctx.db,
    actor,
    'contact',
    { id, otherId },
    {
      keep: (keepId) => getVisibleContact(ctx, actor, keepId),
      other: (mergedId) => repo.findVisibleContact(ctx.db, actor, mergedId),
    },
  );
  const now = isoNow(ctx.clock);
  const fill = fillFrom<ContactRow>(keep, other);
  const changes: Partial<ContactRow> = {
    ...mergedCustomerColumns(keep, other),
    firstName: fill('firstName'),
    lastName: fill('lastName'),
    companyId: fill('companyId'),
    source: fill('source'),
    lastActivityAt: [keep.lastActivityAt, other.lastActivityAt].filter(Boolean).sort().at(-1) ?? null,
  };
  const merged = await inTransaction(ctx, async (trx, after) => {
    const writes = { update: repo.updateContact, remove: repo.deleteContact };
    const row = await mergeInto(trx, 'contact', writes, { id, otherId, otherTitle: displayName(other), changes, actor, now });
    await publishCustomer(trx, ctx, after, 'contact', 'updated', row, actor.userId);
    await publishCustomer(trx, ctx, after, 'contact', 'deleted', other, actor.userId);
    return { ...row, companyName: await repo.companyName(trx, row.companyId) };
  });
  return presentContact(merged);
}

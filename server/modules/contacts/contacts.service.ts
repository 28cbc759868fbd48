import { assertCanAssignOwner, assertOwnerSide } from '../../core/access.ts';
import type { Actor } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import { repointReferences } from '../../core/merge.ts';
import { normalizePhone } from '../../core/phone.ts';
import { addressColumns, addressOf, cleanTags, optionalText, parseCustom, parseTags } from '../../core/record-fields.ts';
import { type RowChange, rowChanges } from '../../core/row-changes.ts';
import { similarNames } from '../../core/similarity.ts';
import type { ContactRow } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { versionMismatch } from '../../http/if-match.ts';
import { parseListParams } from '../../http/list.ts';
import { sortFieldsFor } from '../../http/record-query.ts';
import type { Duplicate } from '../../http/schemas.ts';
import { findVisibleCompany } from '../companies/companies.repository.ts';
import { listDefinitions } from '../custom-fields/custom-fields.repository.ts';
import { validateCustomValues } from '../custom-fields/custom-fields.values.ts';
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

function emitContact(
  ctx: Ctx,
  type: 'contact.created' | 'contact.updated' | 'contact.deleted',
  row: { id: string; ownerId: string | null },
  actorId: string,
  changes?: RowChange[],
) {
  ctx.events.emit({
    type,
    entityType: 'contact',
    entityId: row.id,
    actorId,
    at: isoNow(ctx.clock),
    data: { ownerId: row.ownerId, ...(changes ? { changes } : {}) },
  });
}

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

const emailOf = (value: string | null | undefined) => {
  const v = optionalText(value);
  return v === undefined || v === null ? v : v.toLowerCase();
};

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
  const customFields = validateCustomValues(await listDefinitions(ctx.db, 'contact'), input.customFields);
  const now = isoNow(ctx.clock);
  const phone = optionalText(input.phone) ?? null;
  const row: ContactRow = {
    id: newId(),
    firstName,
    lastName,
    email: emailOf(input.email) ?? null,
    phone,
    phoneNormalized: normalizePhone(phone),
    companyId: input.companyId ?? null,
    ownerId,
    source: optionalText(input.source) ?? null,
    street: null,
    zip: null,
    city: null,
    country: null,
    ...addressColumns(input.address),
    tags: JSON.stringify(cleanTags(input.tags ?? [])),
    customFields: JSON.stringify(customFields),
    externalId: optionalText(input.externalId) ?? null,
    lastActivityAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await assertExternalIdFree(trx, row.externalId);
    await repo.insertContact(trx, row);
    await recordChange(trx, { entityType: 'contact', entityId: row.id, userId: actor.userId, action: 'created', at: now });
  });
  emitContact(ctx, 'contact.created', row, actor.userId);
  const contact = presentContact({ ...row, companyName: await repo.companyName(ctx.db, row.companyId) });
  const possibleDuplicates = await findDuplicates(ctx, actor, { ...row, id: row.id });
  return { ...contact, possibleDuplicates };
}

async function assertExternalIdFree(db: Parameters<typeof repo.findContact>[0], externalId: string | null, exceptId?: string) {
  if (!externalId) return;
  const other = await db.selectFrom('contacts').select('id').where('externalId', '=', externalId).executeTakeFirst();
  if (other && other.id !== exceptId) {
    throw new AppError('conflict', 'Another contact has this external id', [{ path: 'externalId', message: 'already in use' }]);
  }
}

export async function updateContact(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: UpdateContact,
  expected?: number,
): Promise<Contact> {
  const current = await getVisibleContact(ctx, actor, id);
  if (input.ownerId !== undefined && input.ownerId !== current.ownerId) {
    await assertOwnerSide(ctx.db, actor, current.ownerId, 'reassign');
    await assertCanAssignOwner(ctx.db, actor, input.ownerId);
  }
  if (input.companyId !== undefined && input.companyId !== current.companyId)
    await assertCompanyVisible(ctx, actor, input.companyId);
  const changes: Partial<ContactRow> = { ...addressColumns(input.address) };
  if (input.firstName !== undefined) changes.firstName = input.firstName.trim();
  if (input.lastName !== undefined) changes.lastName = input.lastName.trim();
  if (!(changes.firstName ?? current.firstName) && !(changes.lastName ?? current.lastName)) {
    throw new AppError('validation_failed', 'A contact needs a first or last name', [
      { path: 'lastName', message: 'first or last name is required' },
    ]);
  }
  if (input.email !== undefined) changes.email = emailOf(input.email) ?? null;
  if (input.phone !== undefined) {
    changes.phone = optionalText(input.phone) ?? null;
    changes.phoneNormalized = normalizePhone(changes.phone);
  }
  if (input.companyId !== undefined) changes.companyId = input.companyId;
  if (input.ownerId !== undefined) changes.ownerId = input.ownerId;
  if (input.source !== undefined) changes.source = optionalText(input.source) ?? null;
  if (input.tags !== undefined) changes.tags = JSON.stringify(cleanTags(input.tags));
  if (input.externalId !== undefined) changes.externalId = optionalText(input.externalId) ?? null;
  if (input.customFields !== undefined) {
    const defs = await listDefinitions(ctx.db, 'contact');
    changes.customFields = JSON.stringify(validateCustomValues(defs, input.customFields, parseCustom(current.customFields)));
  }
  const now = isoNow(ctx.clock);
  const updated = await ctx.db.transaction().execute(async (trx) => {
    if (changes.externalId) await assertExternalIdFree(trx, changes.externalId, id);
    const row = await repo.updateContact(trx, id, changes, now, expected);
    if (!row) throw versionMismatch(current.version);
    const next = { ...row, companyName: await repo.companyName(trx, row.companyId) };
    const diff = diffRecords(presentContact(current), presentContact(next), TRACKED);
    if (diff.length > 0) {
      const action = diff.length === 1 && diff[0]?.field === 'ownerId' ? 'owner_changed' : 'updated';
      await recordChange(trx, { entityType: 'contact', entityId: id, userId: actor.userId, action, changes: diff, at: now });
    }
    return next;
  });
  emitContact(ctx, 'contact.updated', updated, actor.userId, rowChanges(current, updated));
  return presentContact(updated);
}

export async function deleteContact(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const contact = await getVisibleContact(ctx, actor, id);
  await assertOwnerSide(ctx.db, actor, contact.ownerId, 'delete');
  await repo.deleteContact(ctx.db, id);
  emitContact(ctx, 'contact.deleted', contact, actor.userId);
}

/**
 * Merges `otherId` into `id`: every activity, deal, task and document of the other moves over,
 * empty fields are filled from it, tags and custom fields are united, its history joins the
 * timeline; then the other is deleted. Both must be visible to the actor.
 */
export async function mergeContacts(ctx: Ctx, actor: Actor, id: string, otherId: string): Promise<Contact> {
  if (id === otherId)
    throw new AppError('unprocessable', 'A contact cannot be merged with itself', [{ path: 'otherId', message: 'same contact' }]);
  const keep = await getVisibleContact(ctx, actor, id);
  const other = await repo.findVisibleContact(ctx.db, actor, otherId);
  if (!other) throw new AppError('not_found', 'The other contact was not found', [{ path: 'otherId', message: 'not found' }]);
  await assertOwnerSide(ctx.db, actor, keep.ownerId, 'merge');
  await assertOwnerSide(ctx.db, actor, other.ownerId, 'delete');
  const now = isoNow(ctx.clock);
  const fill = <K extends keyof ContactRow>(k: K) => (keep[k] === null || keep[k] === '' ? other[k] : keep[k]);
  const changes: Partial<ContactRow> = {
    firstName: fill('firstName'),
    lastName: fill('lastName'),
    email: fill('email'),
    phone: fill('phone'),
    phoneNormalized: keep.phone ? keep.phoneNormalized : other.phoneNormalized,
    companyId: fill('companyId'),
    source: fill('source'),
    street: fill('street'),
    zip: fill('zip'),
    city: fill('city'),
    country: fill('country'),
    externalId: fill('externalId'),
    tags: JSON.stringify(cleanTags([...parseTags(keep.tags), ...parseTags(other.tags)])),
    customFields: JSON.stringify({ ...parseCustom(other.customFields), ...parseCustom(keep.customFields) }),
    lastActivityAt: [keep.lastActivityAt, other.lastActivityAt].filter(Boolean).sort().at(-1) ?? null,
  };
  const merged = await ctx.db.transaction().execute(async (trx) => {
    // the other's external id moves to the kept contact; free it first (unique index)
    await repo.updateContact(trx, otherId, { externalId: null }, now);
    const moved = await repointReferences(trx, 'contact_id', otherId, id);
    await trx
      .updateTable('recordChanges')
      .set({ entityId: id })
      .where('entityType', '=', 'contact')
      .where('entityId', '=', otherId)
      .execute();
    const row = await repo.updateContact(trx, id, changes, now);
    await repo.deleteContact(trx, otherId);
    await recordChange(trx, {
      entityType: 'contact',
      entityId: id,
      userId: actor.userId,
      action: 'merged',
      changes: [
        { field: 'mergedFrom', from: otherId, to: displayName(other) },
        ...moved.map((t) => ({ field: t, from: otherId, to: id })),
      ],
      at: now,
    });
    return { ...(row as ContactRow), companyName: await repo.companyName(trx, (row as ContactRow).companyId) };
  });
  emitContact(ctx, 'contact.updated', merged, actor.userId);
  emitContact(ctx, 'contact.deleted', other, actor.userId);
  return presentContact(merged);
}

import { type Kysely, sql, type Transaction } from 'kysely';
import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import { canSeeRecord } from '../../core/scope.ts';
import type { ContactRow, CustomFieldRow, DB } from '../../db/schema.ts';
import { applyKeyset, type ListParams, pageOf } from '../../http/list.ts';
import { applyRecordFilters, type RecordListSpec } from '../../http/record-query.ts';
import { matchesSearch } from '../search/fts.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type ContactWithCompany = ContactRow & { companyName: string | null };

/** Text filters compare ignoring case; phone matches in any notation (as search does). */
const Text = Type.String({ maxLength: 200 });

export const CONTACT_LIST: RecordListSpec = {
  table: 'contacts',
  entity: 'contact',
  defaultSort: 'lastName',
  idColumn: 'contacts.id',
  sortable: {
    lastName: { expr: sql`lower(contacts.last_name)` },
    firstName: { expr: sql`lower(contacts.first_name)` },
    email: { expr: 'contacts.email' },
    city: { expr: 'contacts.city' },
    createdAt: { expr: 'contacts.createdAt' },
    updatedAt: { expr: 'contacts.updatedAt' },
    lastActivityAt: { expr: 'contacts.lastActivityAt' },
  },
  filters: {
    firstName: { expr: 'contacts.firstName', kind: 'ci', schema: Text },
    lastName: { expr: 'contacts.lastName', kind: 'ci', schema: Text },
    email: { expr: 'contacts.email', kind: 'ci', schema: Text },
    phone: { expr: 'contacts.phoneNormalized', kind: 'phone', schema: Type.String({ maxLength: 50 }) },
    ownerId: { expr: 'contacts.ownerId', kind: 'nullable', schema: Type.String({ maxLength: 64, description: 'null for none' }) },
    companyId: {
      expr: 'contacts.companyId',
      kind: 'nullable',
      schema: Type.String({ maxLength: 64, description: 'null for none' }),
    },
    source: { expr: 'contacts.source' },
    tags: { expr: 'contacts.tags', kind: 'tag', schema: Type.String({ maxLength: 50, description: 'has this tag' }) },
    tag: { expr: 'contacts.tags', kind: 'tag', schema: Type.String({ maxLength: 50, description: 'the same as tags' }) },
    city: { expr: 'contacts.city' },
    'address.street': { expr: 'contacts.street', kind: 'ci', schema: Text },
    'address.zip': { expr: 'contacts.zip' },
    'address.city': { expr: 'contacts.city' },
    'address.country': { expr: 'contacts.country' },
    externalId: { expr: 'contacts.externalId' },
  },
  search: (text) => matchesSearch('contact', 'contacts.id', text),
};

/** Contacts the actor may see, with their company's name: the base of every read. */
export function visibleContacts(db: Db, actor: Actor) {
  return db
    .selectFrom('contacts')
    .leftJoin('companies', 'companies.id', 'contacts.companyId')
    .where(canSeeRecord(actor, 'contact'))
    .selectAll('contacts')
    .select('companies.name as companyName');
}

export function contactListQuery(db: Db, actor: Actor, defs: CustomFieldRow[], query: Record<string, unknown>) {
  const q = applyRecordFilters(visibleContacts(db, actor), CONTACT_LIST, defs, query);
  return typeof query.q === 'string' && query.q.trim() ? q.where(matchesSearch('contact', 'contacts.id', query.q)) : q;
}

export async function listContacts(
  db: Db,
  actor: Actor,
  defs: CustomFieldRow[],
  query: Record<string, unknown>,
  params: ListParams,
  sortable: RecordListSpec['sortable'],
) {
  const rows = await applyKeyset(contactListQuery(db, actor, defs, query), params, sortable, 'contacts.id').execute();
  return pageOf(rows, params);
}

export function findVisibleContact(db: Db, actor: Actor, id: string): Promise<ContactWithCompany | undefined> {
  return visibleContacts(db, actor).where('contacts.id', '=', id).executeTakeFirst();
}

export function findContact(db: Db, id: string): Promise<ContactRow | undefined> {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function companyName(db: Db, companyId: string | null): Promise<string | null> {
  if (!companyId) return null;
  const row = await db.selectFrom('companies').select('name').where('id', '=', companyId).executeTakeFirst();
  return row?.name ?? null;
}

export async function insertContact(db: Db, row: ContactRow): Promise<void> {
  await db.insertInto('contacts').values(row).execute();
}

export async function updateContact(db: Db, id: string, changes: Partial<ContactRow>, now: string, expected?: number) {
  let q = db
    .updateTable('contacts')
    .set({ ...changes, updatedAt: now, version: sql`version + 1` as unknown as number })
    .where('id', '=', id);
  if (expected !== undefined) q = q.where('version', '=', expected);
  return q.returningAll().executeTakeFirst();
}

export async function deleteContact(db: Db, id: string): Promise<void> {
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}

export interface ContactProbe {
  id?: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phoneNormalized: string | null;
  companyId: string | null;
}

/** Candidates for duplicates: same e-mail, same phone, or the same company (names compared by the caller). */
export function duplicateCandidates(db: Db, actor: Actor, probe: ContactProbe) {
  return visibleContacts(db, actor)
    .where((eb) => {
      const ors = [];
      // `email IS NOT NULL` lets SQLite use the partial index on lower(email)
      if (probe.email)
        ors.push(eb.and([eb('contacts.email', 'is not', null), eb(sql`lower(contacts.email)`, '=', probe.email.toLowerCase())]));
      if (probe.phoneNormalized) ors.push(eb('contacts.phoneNormalized', '=', probe.phoneNormalized));
      if (probe.companyId) ors.push(eb('contacts.companyId', '=', probe.companyId));
      if (probe.lastName.trim()) ors.push(eb(sql`lower(contacts.last_name)`, '=', probe.lastName.trim().toLowerCase()));
      return ors.length > 0 ? eb.or(ors) : sql<boolean>`0`;
    })
    .$if(!!probe.id, (q) => q.where('contacts.id', '!=', probe.id as string))
    .limit(50)
    .execute();
}

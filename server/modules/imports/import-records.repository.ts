import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { newId } from '../../core/ids.ts';
import type { LineInput } from '../../core/money.ts';
import { canSeeRecord } from '../../core/scope.ts';
import type { CompanyRow, ContactRow, DB, DealRow, DealStageHistoryTable } from '../../db/schema.ts';
import { visibleCompanies } from '../companies/companies.repository.ts';
import { visibleContacts } from '../contacts/contacts.repository.ts';
import type { ChangeEntry } from '../timeline/changes.repository.ts';

// The set-wise reads and writes an import needs per chunk of rows: one query per kind of lookup
// instead of one per row, and multi-row inserts. Visibility comes from the owning modules' queries.

export type Db = Kysely<DB> | Transaction<DB>;

const INSERT_BATCH = 100;

export function usersByEmails(db: Db, emails: string[]) {
  return db.selectFrom('users').select(['id', 'email']).where(sql<string>`lower(email)`, 'in', emails).execute();
}

/** Every user's name (an owner column may name people instead of giving their e-mail). */
export function userNames(db: Db) {
  return db.selectFrom('users').select(['id', 'name']).execute();
}

export function visibleContactsByEmails(db: Db, actor: Actor, emails: string[]) {
  if (emails.length === 0) return Promise.resolve([]);
  // `email IS NOT NULL` lets SQLite use the partial index on lower(email)
  return visibleContacts(db, actor)
    .where('contacts.email', 'is not', null)
    .where(sql<string>`lower(contacts.email)`, 'in', emails)
    .orderBy('contacts.createdAt')
    .execute();
}

export function visibleContactsByPhones(db: Db, actor: Actor, phones: string[]) {
  if (phones.length === 0) return Promise.resolve([]);
  return visibleContacts(db, actor).where('contacts.phoneNormalized', 'in', phones).orderBy('contacts.createdAt').execute();
}

/** Contacts holding any of the external ids (they are unique across all contacts), with whether the actor may see each. */
export function contactsByExternalIds(db: Db, actor: Actor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('contacts')
    .leftJoin('companies', 'companies.id', 'contacts.companyId')
    .selectAll('contacts')
    .select('companies.name as companyName')
    .select(sql<number>`${canSeeRecord(actor, 'contact')}`.as('visible'))
    .where('contacts.externalId', 'in', ids)
    .execute();
}

export async function visibleContactsByIds(db: Db, actor: Actor, ids: string[]) {
  if (ids.length === 0) return [];
  return visibleContacts(db, actor).where('contacts.id', 'in', ids).execute();
}

/** Deals holding any of the external ids (they are unique across all deals), with whether the actor may see each. */
export function dealsByExternalIds(db: Db, actor: Actor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('deals')
    .selectAll('deals')
    .select(sql<number>`${canSeeRecord(actor, 'deal')}`.as('visible'))
    .where('deals.externalId', 'in', ids)
    .execute();
}

/**
 * The line items and the paid sum of each of the deals: what their money follows from
 * (recomputeDealMoney reads the same, one deal at a time).
 */
export async function dealMoneyInputs(db: Db, dealIds: string[]) {
  const lines = new Map<string, LineInput[]>();
  const paid = new Map<string, number>();
  if (dealIds.length === 0) return { lines, paid };
  const lineRows = await db
    .selectFrom('lineItems')
    .select(['dealId', 'quantity', 'unitPriceCents', 'discountPercent', 'taxRate'])
    .where('dealId', 'in', dealIds)
    .execute();
  for (const { dealId, ...line } of lineRows) lines.set(dealId, [...(lines.get(dealId) ?? []), line]);
  const sums = await db
    .selectFrom('payments')
    .select(['dealId', (eb) => eb.fn.sum<number>('amountCents').as('sum')])
    .where('dealId', 'in', dealIds)
    .groupBy('dealId')
    .execute();
  for (const s of sums) paid.set(s.dealId, Number(s.sum));
  return { lines, paid };
}

export function visibleCompaniesByNames(db: Db, actor: Actor, lowerNames: string[]) {
  if (lowerNames.length === 0) return Promise.resolve([]);
  return visibleCompanies(db, actor)
    .selectAll('companies')
    .where(sql<string>`lower(companies.name)`, 'in', lowerNames)
    .orderBy('companies.createdAt')
    .execute();
}

export function visibleCompaniesByEmailsOrPhones(db: Db, actor: Actor, emails: string[], phones: string[]) {
  if (emails.length === 0 && phones.length === 0) return Promise.resolve([]);
  return visibleCompanies(db, actor)
    .selectAll('companies')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('companies.email', 'is not', null),
          eb(sql<string>`lower(companies.email)`, 'in', emails.length > 0 ? emails : ['']),
        ]),
        eb('companies.phoneNormalized', 'in', phones.length > 0 ? phones : ['']),
      ]),
    )
    .execute();
}

export function companiesByExternalIds(db: Db, actor: Actor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('companies')
    .selectAll('companies')
    .select(sql<number>`${canSeeRecord(actor, 'company')}`.as('visible'))
    .where('companies.externalId', 'in', ids)
    .execute();
}

export async function visibleCompanyIds(db: Db, actor: Actor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await visibleCompanies(db, actor).select('companies.id').where('companies.id', 'in', ids).execute();
  return rows.map((r) => r.id);
}

export async function insertContacts(db: Db, rows: ContactRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await db
      .insertInto('contacts')
      .values(rows.slice(i, i + INSERT_BATCH))
      .execute();
  }
}

export async function insertCompanies(db: Db, rows: CompanyRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await db
      .insertInto('companies')
      .values(rows.slice(i, i + INSERT_BATCH))
      .execute();
  }
}

export async function insertDeals(db: Db, rows: DealRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await db
      .insertInto('deals')
      .values(rows.slice(i, i + INSERT_BATCH))
      .execute();
  }
}

/** Stage history rows of a chunk in few statements (the rows insertStageChange writes one by one). */
export async function insertStageChanges(db: Db, rows: DealStageHistoryTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    await db
      .insertInto('dealStageHistory')
      .values(rows.slice(i, i + INSERT_BATCH))
      .execute();
  }
}

/** The change log entries of a chunk in few statements (the same rows recordChange writes one by one). */
export async function insertChanges(db: Db, entries: ChangeEntry[]): Promise<void> {
  const rows = entries.map((e) => ({
    id: newId(),
    entityType: e.entityType,
    entityId: e.entityId,
    userId: e.userId,
    action: e.action,
    changes: JSON.stringify(e.changes ?? []),
    at: e.at,
  }));
  for (let i = 0; i < rows.length; i += INSERT_BATCH * 2) {
    await db
      .insertInto('recordChanges')
      .values(rows.slice(i, i + INSERT_BATCH * 2))
      .execute();
  }
}

import { type Kysely, sql, type Transaction } from 'kysely';
import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import { canSeeRecord } from '../../core/scope.ts';
import type { CompanyRow, CustomFieldRow, DB } from '../../db/schema.ts';
import { applyKeyset, type ListParams, pageOf } from '../../http/list.ts';
import { applyRecordFilters, type RecordListSpec } from '../../http/record-query.ts';
import { matchesSearch } from '../search/fts.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Text filters compare ignoring case; phone matches in any notation (as search does). */
const Text = Type.String({ maxLength: 200 });

export const COMPANY_LIST: RecordListSpec = {
  table: 'companies',
  entity: 'company',
  defaultSort: 'name',
  idColumn: 'companies.id',
  sortable: {
    name: { expr: sql`lower(companies.name)` },
    city: { expr: 'companies.city' },
    createdAt: { expr: 'companies.createdAt' },
    updatedAt: { expr: 'companies.updatedAt' },
  },
  filters: {
    name: { expr: 'companies.name', kind: 'ci', schema: Text },
    email: { expr: 'companies.email', kind: 'ci', schema: Text },
    phone: { expr: 'companies.phoneNormalized', kind: 'phone', schema: Type.String({ maxLength: 50 }) },
    website: { expr: 'companies.website', kind: 'ci', schema: Text },
    ownerId: {
      expr: 'companies.ownerId',
      kind: 'nullable',
      schema: Type.String({ maxLength: 64, description: 'null for none' }),
    },
    tags: { expr: 'companies.tags', kind: 'tag', schema: Type.String({ maxLength: 50, description: 'has this tag' }) },
    tag: { expr: 'companies.tags', kind: 'tag', schema: Type.String({ maxLength: 50, description: 'the same as tags' }) },
    city: { expr: 'companies.city' },
    country: { expr: 'companies.country' },
    'address.street': { expr: 'companies.street', kind: 'ci', schema: Text },
    'address.zip': { expr: 'companies.zip' },
    'address.city': { expr: 'companies.city' },
    'address.country': { expr: 'companies.country' },
    externalId: { expr: 'companies.externalId' },
  },
  search: (text) => matchesSearch('company', 'companies.id', text),
};

/** Companies the actor may see; the base of every read. */
export function visibleCompanies(db: Db, actor: Actor) {
  return db.selectFrom('companies').where(canSeeRecord(actor, 'company'));
}

export function companyListQuery(db: Db, actor: Actor, defs: CustomFieldRow[], query: Record<string, unknown>) {
  let q = applyRecordFilters(visibleCompanies(db, actor).selectAll('companies'), COMPANY_LIST, defs, query);
  if (typeof query.q === 'string' && query.q.trim()) q = q.where(matchesSearch('company', 'companies.id', query.q));
  return q;
}

export async function listCompanies(
  db: Db,
  actor: Actor,
  defs: CustomFieldRow[],
  query: Record<string, unknown>,
  params: ListParams,
  sortable: RecordListSpec['sortable'],
) {
  const rows = await applyKeyset(companyListQuery(db, actor, defs, query), params, sortable, 'companies.id').execute();
  return pageOf(rows, params);
}

export function findVisibleCompany(db: Db, actor: Actor, id: string): Promise<CompanyRow | undefined> {
  return visibleCompanies(db, actor).selectAll('companies').where('companies.id', '=', id).executeTakeFirst();
}

export function findCompany(db: Db, id: string): Promise<CompanyRow | undefined> {
  return db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCompany(db: Db, row: CompanyRow): Promise<void> {
  await db.insertInto('companies').values(row).execute();
}

export async function updateCompany(db: Db, id: string, changes: Partial<CompanyRow>, now: string, expected?: number) {
  let q = db
    .updateTable('companies')
    .set({ ...changes, updatedAt: now, version: sql`version + 1` as unknown as number })
    .where('id', '=', id);
  if (expected !== undefined) q = q.where('version', '=', expected);
  return q.returningAll().executeTakeFirst();
}

export async function deleteCompany(db: Db, id: string): Promise<void> {
  await db.deleteFrom('companies').where('id', '=', id).execute();
}

/** Companies that look like the same firm: same e-mail, same phone, or the same name. */
export function findCompanyDuplicates(
  db: Db,
  actor: Actor,
  probe: { id?: string; name: string; email: string | null; phoneNormalized: string | null },
) {
  return visibleCompanies(db, actor)
    .selectAll('companies')
    .where((eb) => {
      const ors = [eb(sql`lower(companies.name)`, '=', probe.name.trim().toLowerCase())];
      if (probe.email)
        ors.push(
          eb.and([eb('companies.email', 'is not', null), eb(sql`lower(companies.email)`, '=', probe.email.toLowerCase())]),
        );
      if (probe.phoneNormalized) ors.push(eb('companies.phoneNormalized', '=', probe.phoneNormalized));
      return eb.or(ors);
    })
    .$if(!!probe.id, (q) => q.where('companies.id', '!=', probe.id as string))
    .limit(20)
    .execute();
}

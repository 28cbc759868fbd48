import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { canSeeRecord } from '../../core/scope.ts';
import type { DB } from '../../db/schema.ts';

export type SearchKind = 'contact' | 'company' | 'deal';

interface Hit {
  kind: SearchKind;
  id: string;
  rank: number;
}

/**
 * One ranked query over the FTS index, visibility applied in SQL per kind, so a manager's search never
 * even ranks what they may not see. A note matches the contact (or company) it was written on.
 */
export async function searchIndex(
  db: Kysely<DB>,
  actor: Actor,
  match: string,
  kinds: SearchKind[],
  limit: number,
): Promise<Hit[]> {
  const parts: RawBuilder<Hit>[] = [];
  const fts = sql`search_fts f JOIN search_docs d ON d.id = f.rowid`;
  if (kinds.includes('contact')) {
    parts.push(sql<Hit>`SELECT 'contact' AS kind, contacts.id AS id, bm25(search_fts, 10.0, 1.0) AS rank FROM ${fts}
      JOIN contacts ON contacts.id = d.ref_id WHERE d.kind = 'contact' AND search_fts MATCH ${match} AND ${canSeeRecord(actor, 'contact')}`);
    parts.push(sql<Hit>`SELECT 'contact' AS kind, contacts.id AS id, bm25(search_fts) + 5 AS rank FROM ${fts}
      JOIN activities a ON a.id = d.ref_id JOIN contacts ON contacts.id = a.contact_id
      WHERE d.kind = 'activity' AND search_fts MATCH ${match} AND ${canSeeRecord(actor, 'contact')}`);
  }
  if (kinds.includes('company')) {
    parts.push(sql<Hit>`SELECT 'company' AS kind, companies.id AS id, bm25(search_fts, 10.0, 1.0) AS rank FROM ${fts}
      JOIN companies ON companies.id = d.ref_id WHERE d.kind = 'company' AND search_fts MATCH ${match} AND ${canSeeRecord(actor, 'company')}`);
    parts.push(sql<Hit>`SELECT 'company' AS kind, companies.id AS id, bm25(search_fts) + 5 AS rank FROM ${fts}
      JOIN activities a ON a.id = d.ref_id JOIN companies ON companies.id = a.company_id
      WHERE d.kind = 'activity' AND a.contact_id IS NULL AND search_fts MATCH ${match} AND ${canSeeRecord(actor, 'company')}`);
  }
  if (kinds.includes('deal')) {
    parts.push(sql<Hit>`SELECT 'deal' AS kind, deals.id AS id, bm25(search_fts, 10.0, 1.0) AS rank FROM ${fts}
      JOIN deals ON deals.id = d.ref_id WHERE d.kind = 'deal' AND search_fts MATCH ${match} AND ${canSeeRecord(actor, 'deal')}`);
    parts.push(sql<Hit>`SELECT 'deal' AS kind, deals.id AS id, bm25(search_fts) + 5 AS rank FROM ${fts}
      JOIN activities a ON a.id = d.ref_id JOIN deals ON deals.id = a.deal_id
      WHERE d.kind = 'activity' AND a.contact_id IS NULL AND a.company_id IS NULL AND search_fts MATCH ${match} AND ${canSeeRecord(actor, 'deal')}`);
  }
  if (parts.length === 0) return [];
  const union = sql.join(parts, sql` UNION ALL `);
  const rows =
    await sql<Hit>`SELECT kind, id, min(rank) AS rank FROM (${union}) GROUP BY kind, id ORDER BY rank LIMIT ${limit}`.execute(db);
  return rows.rows;
}

export async function contactTitles(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('contacts')
    .leftJoin('companies', 'companies.id', 'contacts.companyId')
    .select([
      'contacts.id',
      'contacts.firstName',
      'contacts.lastName',
      'contacts.email',
      'contacts.phone',
      'companies.name as companyName',
    ])
    .where('contacts.id', 'in', ids)
    .execute();
}

export async function companyTitles(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('companies').select(['id', 'name', 'city', 'email']).where('id', 'in', ids).execute();
}

export async function dealTitles(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('deals')
    .leftJoin('contacts', 'contacts.id', 'deals.contactId')
    .leftJoin('stages', 'stages.id', 'deals.stageId')
    .select(['deals.id', 'deals.title', 'contacts.firstName', 'contacts.lastName', 'stages.name as stageName'])
    .where('deals.id', 'in', ids)
    .execute();
}

import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface OwnedTable {
  /** table name in SQL */
  table: string;
  /** entity type used in the change log */
  entity: 'contact' | 'company' | 'deal' | 'task';
  /** result key */
  key: 'contacts' | 'companies' | 'deals' | 'tasks';
  /** column holding the responsible user */
  column: string;
  /** extra condition, e.g. only open tasks */
  where?: string;
}

/** Everything a user can be responsible for; later modules add their tables here. */
export const OWNED_TABLES: OwnedTable[] = [
  { table: 'contacts', entity: 'contact', key: 'contacts', column: 'owner_id' },
  { table: 'companies', entity: 'company', key: 'companies', column: 'owner_id' },
  { table: 'deals', entity: 'deal', key: 'deals', column: 'owner_id' },
];

export async function idsOwnedBy(db: Db, owned: OwnedTable, userId: string): Promise<string[]> {
  const extra = owned.where ? sql.raw(` AND ${owned.where}`) : sql``;
  const rows = await sql<{
    id: string;
  }>`SELECT id FROM ${sql.table(owned.table)} WHERE ${sql.ref(owned.column)} = ${userId}${extra}`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** Reassigns the given rows and bumps their version; returns how many changed. */
export async function reassign(
  db: Db,
  owned: Pick<OwnedTable, 'table' | 'column'>,
  ids: string[],
  toUserId: string,
  now: string,
): Promise<number> {
  let count = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const res =
      await sql`UPDATE ${sql.table(owned.table)} SET ${sql.ref(owned.column)} = ${toUserId}, updated_at = ${now}, version = version + 1
      WHERE id IN (${sql.join(chunk)}) AND ${sql.ref(owned.column)} IS NOT ${toUserId}`.execute(db);
    count += Number(res.numAffectedRows ?? 0);
  }
  return count;
}

export async function ownerOf(db: Db, table: string, ids: string[]): Promise<Map<string, string | null>> {
  // CamelCasePlugin maps result columns to camelCase, raw SQL included
  const rows = await sql<{
    id: string;
    ownerId: string | null;
  }>`SELECT id, owner_id FROM ${sql.table(table)} WHERE id IN (${sql.join(ids)})`.execute(db);
  return new Map(rows.rows.map((r) => [r.id, r.ownerId]));
}

import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Re-points every reference to a merged record onto the record that is kept: each table with a
 * `<kind>_id` column (activities, deals, tasks, documents … whichever exist), found from the schema so
 * a module added later is covered without touching merge code. Returns the tables touched.
 */
export async function repointReferences(
  db: Db,
  column: 'contact_id' | 'company_id',
  fromId: string,
  toId: string,
): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
    WHERE m.type = 'table' AND p.name = ${column} AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE 'search_%'`.execute(db);
  const touched: string[] = [];
  for (const { name } of tables.rows) {
    if (!/^[a-z_]+$/.test(name)) continue;
    const res =
      await sql`UPDATE ${sql.table(name)} SET ${sql.ref(column)} = ${toId} WHERE ${sql.ref(column)} = ${fromId}`.execute(db);
    if (Number(res.numAffectedRows ?? 0) > 0) touched.push(name);
  }
  return touched;
}

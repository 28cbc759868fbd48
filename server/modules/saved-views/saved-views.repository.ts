import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface SavedViewRow {
  id: string;
  userId: string;
  entity: string;
  name: string;
  query: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

// Saved views are personal: every query is bound to the owner's user id.

export function listOwn(db: Db, userId: string, entity?: string): Promise<SavedViewRow[]> {
  let q = db.selectFrom('savedViews').selectAll().where('userId', '=', userId).orderBy('entity').orderBy(sql`lower(name)`);
  if (entity) q = q.where('entity', '=', entity);
  return q.execute();
}

export function findOwn(db: Db, userId: string, id: string): Promise<SavedViewRow | undefined> {
  return db.selectFrom('savedViews').selectAll().where('userId', '=', userId).where('id', '=', id).executeTakeFirst();
}

export async function insert(db: Db, row: SavedViewRow): Promise<void> {
  await db.insertInto('savedViews').values(row).execute();
}

export function updateOwn(
  db: Db,
  userId: string,
  id: string,
  changes: { name?: string; query?: string },
  now: string,
  expected?: number,
): Promise<SavedViewRow | undefined> {
  let q = db
    .updateTable('savedViews')
    .set({ ...changes, updatedAt: now, version: sql`version + 1` as unknown as number })
    .where('id', '=', id)
    .where('userId', '=', userId);
  if (expected !== undefined) q = q.where('version', '=', expected);
  return q.returningAll().executeTakeFirst();
}

export async function deleteOwn(db: Db, userId: string, id: string): Promise<boolean> {
  const res = await db.deleteFrom('savedViews').where('id', '=', id).where('userId', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

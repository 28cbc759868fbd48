import { type Kysely, sql, type Transaction } from 'kysely';
import { Type } from 'typebox';
import type { DB } from '../../db/schema.ts';
import { containsText, type ListSpec, listPage } from '../../http/list.ts';

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

/** A user's views by entity and name; one page holds 200. */
export const SAVED_VIEW_LIST: ListSpec = {
  defaultSort: 'entity',
  defaultLimit: 200,
  idColumn: 'savedViews.id',
  sortable: {
    entity: { expr: sql`saved_views.entity || char(1) || lower(saved_views.name)` },
    name: { expr: sql`lower(saved_views.name)` },
    createdAt: { expr: 'savedViews.createdAt' },
    updatedAt: { expr: 'savedViews.updatedAt' },
  },
  filters: {
    entity: {
      expr: 'savedViews.entity',
      schema: Type.Union([Type.Literal('contact'), Type.Literal('company'), Type.Literal('deal'), Type.Literal('task')]),
    },
  },
  search: containsText('savedViews.name'),
};

export function listOwn(db: Db, userId: string, query: Record<string, unknown>) {
  return listPage(db.selectFrom('savedViews').selectAll().where('userId', '=', userId), SAVED_VIEW_LIST, query);
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

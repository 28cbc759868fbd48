import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { inVisibleRecords } from '../../core/scope.ts';
import type { ActivityRow, DB } from '../../db/schema.ts';
import { applyKeyset, type ListParams, pageOf, type SortField } from '../../http/list.ts';
import { matchesSearch } from '../search/fts.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const ACTIVITY_SORT: Record<string, SortField> = {
  occurredAt: { expr: 'activities.occurredAt' },
  createdAt: { expr: 'activities.createdAt' },
};

/** An activity is visible when any record it belongs to is. */
export function activityVisible(actor: Actor): Expression<SqlBool> {
  if (actor.role === 'admin') return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`(${inVisibleRecords(actor, 'contact', 'activities.contactId')} OR ${inVisibleRecords(actor, 'company', 'activities.companyId')} OR ${inVisibleRecords(actor, 'deal', 'activities.dealId')})`;
}

export interface ActivityFilters {
  contactId?: string;
  companyId?: string;
  dealId?: string;
  userId?: string;
  type?: string;
  q?: string;
}

export async function listActivities(db: Db, actor: Actor, f: ActivityFilters, params: ListParams) {
  let q = db.selectFrom('activities').selectAll('activities').where(activityVisible(actor));
  if (f.contactId) q = q.where('activities.contactId', '=', f.contactId);
  if (f.companyId) q = q.where('activities.companyId', '=', f.companyId);
  if (f.dealId) q = q.where('activities.dealId', '=', f.dealId);
  if (f.userId) q = q.where('activities.userId', '=', f.userId);
  if (f.type) q = q.where('activities.type', '=', f.type as ActivityRow['type']);
  if (f.q) q = q.where(matchesSearch('activity', 'activities.id', f.q));
  const rows = await applyKeyset(q, params, ACTIVITY_SORT, 'activities.id').execute();
  return pageOf(rows, params);
}

export function findVisibleActivity(db: Db, actor: Actor, id: string) {
  return db.selectFrom('activities').selectAll().where('id', '=', id).where(activityVisible(actor)).executeTakeFirst();
}

export async function insertActivity(db: Db, row: ActivityRow): Promise<void> {
  await db.insertInto('activities').values(row).execute();
}

export async function updateActivity(db: Db, id: string, changes: Partial<ActivityRow>, now: string, expected?: number) {
  let q = db
    .updateTable('activities')
    .set({ ...changes, updatedAt: now, version: sql`version + 1` as unknown as number })
    .where('id', '=', id);
  if (expected !== undefined) q = q.where('version', '=', expected);
  return q.returningAll().executeTakeFirst();
}

export async function deleteActivity(db: Db, id: string): Promise<void> {
  await db.deleteFrom('activities').where('id', '=', id).execute();
}

/** Keeps contacts.last_activity_at equal to their newest activity (for "last contact" and sorting). */
export async function refreshLastActivity(db: Db, contactId: string | null): Promise<void> {
  if (!contactId) return;
  await sql`UPDATE contacts SET last_activity_at = (SELECT max(occurred_at) FROM activities WHERE contact_id = ${contactId}) WHERE id = ${contactId}`.execute(
    db,
  );
}

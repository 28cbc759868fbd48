import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import { teamsOf, visibleOwner } from '../../core/scope.ts';
import type { DB, TaskRow } from '../../db/schema.ts';
import {
  applyKeyset,
  containsText,
  type ListParams,
  type ListSpec,
  likePattern,
  listPage,
  pageOf,
  type SortField,
} from '../../http/list.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type TaskWithNames = TaskRow & {
  assigneeName: string | null;
  contactName: string | null;
  companyName: string | null;
  dealTitle: string | null;
};

export const TASK_SORT: Record<string, SortField> = {
  dueAt: { expr: 'tasks.dueAt' },
  createdAt: { expr: 'tasks.createdAt' },
  updatedAt: { expr: 'tasks.updatedAt' },
  completedAt: { expr: 'tasks.completedAt' },
  title: { expr: sql`lower(tasks.title)` },
};

/**
 * Tasks an actor sees: their own (assigned or created), a head's team members' tasks, tasks on
 * records they own (a manager follows the measurement of their deal), and everything for an admin.
 */
export function taskVisible(actor: Actor): Expression<SqlBool> {
  if (actor.role === 'admin') return sql<SqlBool>`1 = 1`;
  const teams = actor.role === 'head' ? teamsOf(actor) : [];
  const team =
    teams.length > 0 ? sql`OR tasks.assignee_id IN (SELECT id FROM users WHERE team_id IN (${sql.join(teams)}))` : sql``;
  return sql<SqlBool>`(tasks.assignee_id = ${actor.userId} OR tasks.created_by = ${actor.userId} ${team}
    OR tasks.deal_id IN (SELECT deals.id FROM deals WHERE ${visibleOwner(actor, 'deals.ownerId')})
    OR tasks.contact_id IN (SELECT contacts.id FROM contacts WHERE ${visibleOwner(actor, 'contacts.ownerId')})
    OR tasks.company_id IN (SELECT companies.id FROM companies WHERE ${visibleOwner(actor, 'companies.ownerId')}))`;
}

function withNames(db: Db) {
  return db
    .selectFrom('tasks')
    .leftJoin('users', 'users.id', 'tasks.assigneeId')
    .leftJoin('contacts', 'contacts.id', 'tasks.contactId')
    .leftJoin('companies', 'companies.id', 'tasks.companyId')
    .leftJoin('deals', 'deals.id', 'tasks.dealId')
    .selectAll('tasks')
    .select([
      'users.name as assigneeName',
      sql<string | null>`nullif(trim(coalesce(contacts.first_name, '') || ' ' || coalesce(contacts.last_name, '')), '')`.as(
        'contactName',
      ),
      'companies.name as companyName',
      'deals.title as dealTitle',
    ]);
}

export interface TaskFilters {
  q?: string;
  assigneeId?: string;
  status?: string;
  type?: string;
  contactId?: string;
  companyId?: string;
  dealId?: string;
  dueFrom?: string;
  dueTo?: string;
  dueNone?: boolean;
}

export async function listTasks(db: Db, actor: Actor, f: TaskFilters, params: ListParams) {
  let q = withNames(db).where(taskVisible(actor));
  if (f.assigneeId) q = q.where('tasks.assigneeId', '=', f.assigneeId);
  if (f.status) q = q.where('tasks.status', '=', f.status as TaskRow['status']);
  if (f.type) q = q.where('tasks.type', '=', f.type);
  if (f.contactId) q = q.where('tasks.contactId', '=', f.contactId);
  if (f.companyId) q = q.where('tasks.companyId', '=', f.companyId);
  if (f.dealId) q = q.where('tasks.dealId', '=', f.dealId);
  if (f.dueFrom) q = q.where('tasks.dueAt', '>=', f.dueFrom);
  if (f.dueTo) q = q.where('tasks.dueAt', '<', f.dueTo);
  if (f.dueNone) q = q.where('tasks.dueAt', 'is', null);
  if (f.q) q = q.where(sql<boolean>`lower(tasks.title) LIKE ${likePattern(f.q.toLowerCase())} ESCAPE '\\'`);
  const rows = await applyKeyset(q, params, TASK_SORT, 'tasks.id').execute();
  return pageOf(rows, params);
}

export function findVisibleTask(db: Db, actor: Actor, id: string): Promise<TaskWithNames | undefined> {
  return withNames(db).where('tasks.id', '=', id).where(taskVisible(actor)).executeTakeFirst();
}

export function findTaskWithNames(db: Db, id: string): Promise<TaskWithNames | undefined> {
  return withNames(db).where('tasks.id', '=', id).executeTakeFirst();
}

export async function insertTask(db: Db, row: TaskRow): Promise<void> {
  await db.insertInto('tasks').values(row).execute();
}

export async function updateTask(db: Db, id: string, changes: Partial<TaskRow>, now: string, expected?: number) {
  let q = db
    .updateTable('tasks')
    .set({ ...changes, updatedAt: now, version: sql`version + 1` as unknown as number })
    .where('id', '=', id);
  if (expected !== undefined) q = q.where('version', '=', expected);
  return q.returningAll().executeTakeFirst();
}

export async function deleteTask(db: Db, id: string): Promise<void> {
  await db.deleteFrom('tasks').where('id', '=', id).execute();
}

export function findType(db: Db, key: string) {
  return db.selectFrom('taskTypes').selectAll().where('key', '=', key).executeTakeFirst();
}

export function listTypes(db: Db) {
  return db.selectFrom('taskTypes').selectAll().orderBy('position').orderBy('key').execute();
}

/** Who hears about an expired task: the head of the assignee's team (not the assignee themself). */
export async function headOf(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('users')
    .innerJoin('teams', 'teams.id', 'users.teamId')
    .select('teams.headId')
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return row?.headId && row.headId !== userId ? row.headId : null;
}

export async function activeAdmins(db: Db): Promise<string[]> {
  return (await db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1).execute()).map(
    (r) => r.id,
  );
}

/** A task's comments, oldest first; one page holds 200. */
export const COMMENT_LIST: ListSpec = {
  defaultSort: 'createdAt',
  defaultLimit: 200,
  idColumn: 'taskComments.id',
  sortable: { createdAt: { expr: 'taskComments.createdAt' } },
  filters: { userId: { expr: 'taskComments.userId', schema: Type.String({ maxLength: 64 }) } },
  search: containsText('taskComments.body'),
};

export function comments(db: Db, taskId: string, query: Record<string, unknown>) {
  return listPage(
    db
      .selectFrom('taskComments')
      .leftJoin('users', 'users.id', 'taskComments.userId')
      .selectAll('taskComments')
      .select('users.name as userName')
      .where('taskComments.taskId', '=', taskId),
    COMMENT_LIST,
    query,
  );
}

/** Task types by position (then key); one page holds them all (200). */
export const TASK_TYPE_LIST: ListSpec = {
  defaultSort: 'position',
  defaultLimit: 200,
  idColumn: 'taskTypes.key',
  sortable: {
    position: { expr: 'taskTypes.position' },
    key: { expr: 'taskTypes.key' },
    createdAt: { expr: 'taskTypes.createdAt' },
  },
  filters: { builtin: { expr: 'taskTypes.builtin', kind: 'bool', schema: Type.Boolean() } },
  search: containsText('taskTypes.key', 'taskTypes.nameDe', 'taskTypes.nameEn'),
};

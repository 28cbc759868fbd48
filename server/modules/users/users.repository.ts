import { type Kysely, sql, type Transaction } from 'kysely';
import { Type } from 'typebox';
import type { DB, NewUserRow, UserRow, UserUpdate } from '../../db/schema.ts';
import { containsText, type ListSpec, listPage } from '../../http/list.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The staff directory by name; name and email compare ignoring case, teamId=null: users without a team. */
export const USER_LIST: ListSpec = {
  defaultSort: 'name',
  idColumn: 'users.id',
  sortable: {
    name: { expr: sql`lower(users.name)` },
    email: { expr: 'users.email' },
    role: { expr: 'users.role' },
    createdAt: { expr: 'users.createdAt' },
    updatedAt: { expr: 'users.updatedAt' },
  },
  filters: {
    name: { expr: 'users.name', kind: 'ci', schema: Type.String({ maxLength: 200 }) },
    email: { expr: 'users.email', kind: 'ci', schema: Type.String({ maxLength: 254 }) },
    role: {
      expr: 'users.role',
      schema: Type.Union([Type.Literal('admin'), Type.Literal('head'), Type.Literal('manager'), Type.Literal('specialist')]),
    },
    teamId: { expr: 'users.teamId', kind: 'nullable', schema: Type.String({ maxLength: 64, description: 'null for none' }) },
    active: { expr: 'users.active', kind: 'bool', schema: Type.Boolean() },
  },
  search: containsText('users.name', 'users.email'),
};

export function listUsers(db: Db, query: Record<string, unknown>) {
  return listPage(db.selectFrom('users').selectAll('users'), USER_LIST, query);
}

export function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(db: Db, row: NewUserRow): Promise<UserRow> {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates when the stored version still equals `expectedVersion` (if given); returns undefined when it did not. */
export async function updateUser(
  db: Db,
  id: string,
  changes: UserUpdate,
  now: string,
  expectedVersion?: number,
): Promise<UserRow | undefined> {
  let q = db
    .updateTable('users')
    .set({ ...changes, updatedAt: now, version: sql`version + 1` as unknown as number })
    .where('id', '=', id);
  if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
  return q.returningAll().executeTakeFirst();
}

export async function teamsHeadedBy(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('teams').select('id').where('headId', '=', userId).execute();
  return rows.map((r) => r.id);
}

/** Login bookkeeping: not an edit of the record, so neither version nor updatedAt move. */
export async function recordLogin(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('users').set({ lastLoginAt: now }).where('id', '=', id).execute();
}

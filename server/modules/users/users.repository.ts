import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, NewUserRow, UserRow, UserUpdate } from '../../db/schema.ts';
import { applyKeyset, type ListParams, likePattern, pageOf, type SortField } from '../../http/list.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const USER_SORT: Record<string, SortField> = {
  name: { expr: sql`lower(users.name)` },
  email: { expr: 'users.email' },
  role: { expr: 'users.role' },
  createdAt: { expr: 'users.createdAt' },
  updatedAt: { expr: 'users.updatedAt' },
};

export interface UserFilters {
  q?: string;
  role?: string;
  teamId?: string;
  active?: boolean;
}

export async function listUsers(db: Db, filters: UserFilters, params: ListParams) {
  let q = db.selectFrom('users').selectAll('users');
  if (filters.role) q = q.where('users.role', '=', filters.role as UserRow['role']);
  if (filters.teamId) q = q.where('users.teamId', '=', filters.teamId);
  if (filters.active !== undefined) q = q.where('users.active', '=', filters.active ? 1 : 0);
  if (filters.q) {
    const pattern = likePattern(filters.q.toLowerCase());
    q = q.where((eb) =>
      eb.or([sql<boolean>`lower(users.name) LIKE ${pattern} ESCAPE '\\'`, sql<boolean>`users.email LIKE ${pattern} ESCAPE '\\'`]),
    );
  }
  const rows = await applyKeyset(q, params, USER_SORT, 'users.id').execute();
  return pageOf(rows, params);
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

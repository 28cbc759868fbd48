import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { DB, Role } from '../../db/schema.ts';
import { countedOwner, countsEveryone, type Owners, type PeopleFilter } from './scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface Person {
  id: string;
  name: string;
}

/** Active users whose figures the caller may see (and the filters keep), to list them even with nothing to count. */
export function countedUsers(db: Db, actor: Actor, people: PeopleFilter, roles: Role[]): Promise<Person[]> {
  return db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('active', '=', 1)
    .where('role', 'in', roles)
    .where(countedOwner(actor, 'users.id', people))
    .orderBy('name')
    .execute();
}

/** The owners whose records a report counts (scope.ts): null for everyone, else the visible, filtered users. */
export async function countedOwners(db: Db, actor: Actor, people: PeopleFilter): Promise<Owners> {
  if (countsEveryone(actor, people)) return null;
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where(countedOwner(actor, 'users.id', people))
    .execute();
  return rows.map((r) => r.id);
}

export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function teamExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function userExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The heads who get the weekly summary: active users with the head role, with the teams they head. */
export async function activeHeads(db: Db) {
  const heads = await db
    .selectFrom('users')
    .select(['id', 'name', 'teamId', 'locale'])
    .where('role', '=', 'head')
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  const teams = await db.selectFrom('teams').select(['id', 'headId']).where('headId', 'is not', null).execute();
  return heads.map((h) => ({ ...h, headOfTeamIds: teams.filter((t) => t.headId === h.id).map((t) => t.id) }));
}

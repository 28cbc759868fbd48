import { type Expression, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { visibleOwner } from '../../core/scope.ts';

/** The people filters every report takes on top of visibility. */
export interface PeopleFilter {
  teamId?: string;
  userId?: string;
}

/**
 * Whose figures a report counts: the caller's visibility (core/scope.ts visibleOwner — admin all, a
 * head their team, everyone else their own) narrowed by ?teamId and ?userId. Reports count by
 * ownership only: a record someone sees through an open task is not their figure.
 */
export function countedOwner(actor: Actor, column: string, filter: PeopleFilter): Expression<SqlBool> {
  const ref = sql.ref(column);
  const parts: Expression<SqlBool>[] = [visibleOwner(actor, column)];
  if (filter.userId) parts.push(sql<SqlBool>`${ref} = ${filter.userId}`);
  if (filter.teamId) parts.push(sql<SqlBool>`${ref} IN (SELECT id FROM users WHERE team_id = ${filter.teamId})`);
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

/**
 * The same rule for the large tables, as a list: the users countedOwner lets through (null: everyone,
 * records without an owner included — an admin without filters). A plain IN list lets SQLite seek by
 * owner in an index where the OR of visibleOwner would make it test every row.
 */
export type Owners = string[] | null;

export function ownerIn(column: string, owners: Owners): Expression<SqlBool> {
  if (owners === null) return sql<SqlBool>`1 = 1`;
  if (owners.length === 0) return sql<SqlBool>`0 = 1`;
  return sql<SqlBool>`${sql.ref(column)} IN (${sql.join(owners)})`;
}

export function countsEveryone(actor: Actor, filter: PeopleFilter): boolean {
  return actor.role === 'admin' && !filter.teamId && !filter.userId;
}

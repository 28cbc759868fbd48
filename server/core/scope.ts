import { type Expression, type SqlBool, sql } from 'kysely';
import type { Actor } from './actor.ts';

/**
 * Record visibility, the one rule every repository applies (API.md, "Auth and users"):
 * admin — everything; head — records owned by anyone in a team they head (or their own team), plus their own;
 * manager and specialist — their own.
 * Repositories call `visibleOwner(actor, 'contacts.ownerId')` inside `where`, so no list, read,
 * report, search or export can leave it out.
 */
export function visibleOwner(actor: Actor, ownerColumn: string): Expression<SqlBool> {
  const owner = sql.ref(ownerColumn);
  if (actor.role === 'admin') return sql<SqlBool>`1 = 1`;
  if (actor.role === 'head') {
    const teams = teamsOf(actor);
    if (teams.length === 0) return sql<SqlBool>`${owner} = ${actor.userId}`;
    return sql<SqlBool>`(${owner} = ${actor.userId} OR ${owner} IN (SELECT id FROM users WHERE team_id IN (${sql.join(teams)})))`;
  }
  return sql<SqlBool>`${owner} = ${actor.userId}`;
}

/** Teams whose records a head sees: those they head and their own. */
export function teamsOf(actor: Actor): string[] {
  const teams = new Set(actor.headOfTeamIds);
  if (actor.role === 'head' && actor.teamId) teams.add(actor.teamId);
  return [...teams];
}

/** Whether the actor may see a record owned by `ownerId` whose owner is in `ownerTeamId` (for checks on one loaded row). */
export function canSeeOwned(actor: Actor, ownerId: string | null, ownerTeamId: string | null): boolean {
  if (actor.role === 'admin') return true;
  if (ownerId === actor.userId) return true;
  return actor.role === 'head' && ownerTeamId !== null && teamsOf(actor).includes(ownerTeamId);
}

export type RecordKind = 'contact' | 'company' | 'deal';

const RECORD_TABLES: Record<RecordKind, string> = { contact: 'contacts', company: 'companies', deal: 'deals' };

const TASK_COLUMNS: Record<RecordKind, string> = { contact: 'contact_id', company: 'company_id', deal: 'deal_id' };

/**
 * Whether the actor may see a customer record (the row of `kind` under its table name): by ownership
 * (visibleOwner), or because they have an open task on it — that is how hand-offs work (API.md).
 * Every repository of contacts, companies, deals and what hangs off them goes through here.
 */
export function canSeeRecord(actor: Actor, kind: RecordKind): Expression<SqlBool> {
  if (actor.role === 'admin') return sql<SqlBool>`1 = 1`;
  const table = RECORD_TABLES[kind];
  return sql<SqlBool>`(${visibleOwner(actor, `${table}.ownerId`)} OR EXISTS (SELECT 1 FROM tasks WHERE tasks.${sql.raw(TASK_COLUMNS[kind])} = ${sql.ref(`${table}.id`)} AND tasks.assignee_id = ${actor.userId} AND tasks.status = 'open'))`;
}

/** `column IN (ids of records of kind the actor may see)`, for rows that hang off records. */
export function inVisibleRecords(actor: Actor, kind: RecordKind, column: string): Expression<SqlBool> {
  if (actor.role === 'admin') return sql<SqlBool>`${sql.ref(column)} IS NOT NULL`;
  const table = RECORD_TABLES[kind];
  return sql<SqlBool>`${sql.ref(column)} IN (SELECT ${sql.ref(`${table}.id`)} FROM ${sql.table(table)} WHERE ${canSeeRecord(actor, kind)})`;
}

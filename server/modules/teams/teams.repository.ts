import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, TeamRow } from '../../db/schema.ts';
import { applyKeyset, type ListParams, likePattern, pageOf, type SortField } from '../../http/list.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type TeamWithCount = TeamRow & { memberCount: number };

export const TEAM_SORT: Record<string, SortField> = {
  name: { expr: sql`lower(teams.name)` },
  createdAt: { expr: 'teams.createdAt' },
};

function withCount(db: Db) {
  return db
    .selectFrom('teams')
    .selectAll('teams')
    .select((eb) =>
      eb
        .selectFrom('users')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('users.teamId', '=', 'teams.id')
        .where('users.active', '=', 1)
        .as('memberCount'),
    );
}

export async function listTeams(db: Db, filters: { q?: string; headId?: string }, params: ListParams) {
  let q = withCount(db);
  if (filters.headId) q = q.where('teams.headId', '=', filters.headId);
  if (filters.q) q = q.where(sql<boolean>`lower(teams.name) LIKE ${likePattern(filters.q.toLowerCase())} ESCAPE '\\'`);
  const rows = await applyKeyset(q, params, TEAM_SORT, 'teams.id').execute();
  return pageOf(rows as (TeamWithCount & { cursorValue: unknown })[], params);
}

export async function findTeamById(db: Db, id: string): Promise<TeamWithCount | undefined> {
  return (await withCount(db).where('teams.id', '=', id).executeTakeFirst()) as TeamWithCount | undefined;
}

export function findTeamByName(db: Db, name: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where(sql<boolean>`name = ${name} COLLATE NOCASE`).executeTakeFirst();
}

export async function insertTeam(db: Db, row: TeamRow): Promise<void> {
  await db.insertInto('teams').values(row).execute();
}

export async function updateTeam(
  db: Db,
  id: string,
  changes: { name?: string; headId?: string | null },
  now: string,
  expectedVersion?: number,
): Promise<boolean> {
  let q = db
    .updateTable('teams')
    .set({ ...changes, updatedAt: now, version: sql`version + 1` as unknown as number })
    .where('id', '=', id);
  if (expectedVersion !== undefined) q = q.where('version', '=', expectedVersion);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteTeam(db: Db, id: string): Promise<void> {
  await db.deleteFrom('teams').where('id', '=', id).execute();
}

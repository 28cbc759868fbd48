import { type Kysely, sql, type Transaction } from 'kysely';
import { Type } from 'typebox';
import type { DB, TeamRow } from '../../db/schema.ts';
import { containsText, type ListSpec, listPage } from '../../http/list.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type TeamWithCount = TeamRow & { memberCount: number };

/** Teams by name; headId=null: teams without a head. */
export const TEAM_LIST: ListSpec = {
  defaultSort: 'name',
  idColumn: 'teams.id',
  sortable: {
    name: { expr: sql`lower(teams.name)` },
    createdAt: { expr: 'teams.createdAt' },
  },
  filters: {
    name: { expr: 'teams.name', kind: 'ci', schema: Type.String({ maxLength: 200 }) },
    headId: { expr: 'teams.headId', kind: 'nullable', schema: Type.String({ maxLength: 64, description: 'null for none' }) },
  },
  search: containsText('teams.name'),
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

export async function listTeams(db: Db, query: Record<string, unknown>) {
  const page = await listPage(withCount(db), TEAM_LIST, query);
  return page as { rows: TeamWithCount[]; nextCursor: string | null };
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

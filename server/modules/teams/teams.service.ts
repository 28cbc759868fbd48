import type { Kysely } from 'kysely';
import { type Actor, isAdmin } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import { versionMismatch } from '../../http/if-match.ts';
import { findUserById } from '../users/users.repository.ts';
import * as repo from './teams.repository.ts';
import type { CreateTeam, Team, UpdateTeam } from './teams.schemas.ts';

export function presentTeam(row: repo.TeamWithCount): Team {
  return {
    id: row.id,
    name: row.name,
    headId: row.headId,
    memberCount: Number(row.memberCount ?? 0),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

async function assertHead(db: Kysely<DB>, headId: string | null | undefined): Promise<void> {
  if (!headId) return;
  const user = await findUserById(db, headId);
  if (user?.active !== 1) {
    throw new AppError('unprocessable', 'The head must be an active user', [
      { path: 'headId', message: 'unknown or inactive user' },
    ]);
  }
}

async function assertNameFree(db: Kysely<DB>, name: string, exceptId?: string): Promise<void> {
  const other = await repo.findTeamByName(db, name);
  if (other && other.id !== exceptId)
    throw conflict('A team with this name already exists', [{ path: 'name', message: 'already in use' }]);
}

export async function listTeams(ctx: Ctx, query: Record<string, unknown>) {
  const page = await repo.listTeams(ctx.db, query);
  return { data: page.rows.map(presentTeam), nextCursor: page.nextCursor };
}

export async function getTeam(ctx: Ctx, id: string): Promise<Team> {
  const row = await repo.findTeamById(ctx.db, id);
  if (!row) throw notFound('Team');
  return presentTeam(row);
}

export async function createTeam(ctx: Ctx, actor: Actor, input: CreateTeam): Promise<Team> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can create teams');
  const name = input.name.trim();
  await assertNameFree(ctx.db, name);
  await assertHead(ctx.db, input.headId);
  const now = isoNow(ctx.clock);
  const id = newId();
  await repo.insertTeam(ctx.db, { id, name, headId: input.headId ?? null, createdAt: now, updatedAt: now, version: 1 });
  return getTeam(ctx, id);
}

export async function updateTeam(ctx: Ctx, actor: Actor, id: string, input: UpdateTeam, expected?: number): Promise<Team> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can change teams');
  const current = await repo.findTeamById(ctx.db, id);
  if (!current) throw notFound('Team');
  const changes: { name?: string; headId?: string | null } = {};
  if (input.name !== undefined) {
    changes.name = input.name.trim();
    await assertNameFree(ctx.db, changes.name, id);
  }
  if (input.headId !== undefined) {
    await assertHead(ctx.db, input.headId);
    changes.headId = input.headId;
  }
  if (!(await repo.updateTeam(ctx.db, id, changes, isoNow(ctx.clock), expected))) throw versionMismatch(current.version);
  return getTeam(ctx, id);
}

/** Deletes a team; its members stay and become team-less. */
export async function deleteTeam(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can delete teams');
  if (!(await repo.findTeamById(ctx.db, id))) throw notFound('Team');
  await repo.deleteTeam(ctx.db, id);
}

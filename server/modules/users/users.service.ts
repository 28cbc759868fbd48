import type { Kysely } from 'kysely';
import { type Actor, isAdmin, roleAtMost } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { DB, UserRow, UserUpdate } from '../../db/schema.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import { versionMismatch } from '../../http/if-match.ts';
import { hashPassword } from '../auth/passwords.ts';
import { revokeUserSessions } from '../auth/sessions.repository.ts';
import { findTeamById } from '../teams/teams.repository.ts';
import * as repo from './users.repository.ts';
import type { CreateUser, UpdateUser, User } from './users.schemas.ts';

/** The public shape of a user: the one place that decides which columns leave the module. */
export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    teamId: row.teamId,
    active: row.active === 1,
    locale: row.locale,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

async function assertTeamExists(db: Kysely<DB>, teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  if (!(await findTeamById(db, teamId))) {
    throw new AppError('unprocessable', 'The team does not exist', [{ path: 'teamId', message: 'unknown team' }]);
  }
}

/** Lists users: every signed-in user may see the staff directory (for assigning work). */
export async function listUsers(ctx: Ctx, query: Record<string, unknown>) {
  const page = await repo.listUsers(ctx.db, query);
  return { data: page.rows.map(presentUser), nextCursor: page.nextCursor };
}

export async function getUser(ctx: Ctx, id: string): Promise<User> {
  const row = await repo.findUserById(ctx.db, id);
  if (!row) throw notFound('User');
  return presentUser(row);
}

/** Creates a user (admin only); the role may not exceed the creator's. */
export async function createUser(ctx: Ctx, actor: Actor, input: CreateUser): Promise<User> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can create users');
  if (!roleAtMost(input.role, actor.role)) throw forbidden('You cannot grant a role above your own');
  await assertTeamExists(ctx.db, input.teamId);
  const email = input.email.trim().toLowerCase();
  if (await repo.findUserByEmail(ctx.db, email)) {
    throw conflict('A user with this e-mail already exists', [{ path: 'email', message: 'already in use' }]);
  }
  const now = isoNow(ctx.clock);
  const row = await repo.insertUser(ctx.db, {
    id: newId(),
    email,
    name: input.name.trim(),
    passwordHash: await hashPassword(input.password),
    role: input.role,
    teamId: input.teamId ?? null,
    active: input.active === false ? 0 : 1,
    locale: input.locale ?? 'de',
    lastLoginAt: null,
    passwordChangedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  ctx.log.info({ userId: row.id, by: actor.userId, role: row.role }, 'user created');
  return presentUser(row);
}

/** Updates a user (admin only). Password changes and deactivation end the user's sessions. */
export async function updateUser(ctx: Ctx, actor: Actor, id: string, input: UpdateUser, expectedVersion?: number): Promise<User> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can change users');
  const current = await repo.findUserById(ctx.db, id);
  if (!current) throw notFound('User');
  if (input.role && !roleAtMost(input.role, actor.role)) throw forbidden('You cannot grant a role above your own');
  await assertTeamExists(ctx.db, input.teamId);

  const changes: UserUpdate = {};
  if (input.name !== undefined) changes.name = input.name.trim();
  if (input.email !== undefined) {
    const email = input.email.trim().toLowerCase();
    const other = await repo.findUserByEmail(ctx.db, email);
    if (other && other.id !== id) {
      throw conflict('A user with this e-mail already exists', [{ path: 'email', message: 'already in use' }]);
    }
    changes.email = email;
  }
  if (input.role !== undefined) changes.role = input.role;
  if (input.teamId !== undefined) changes.teamId = input.teamId;
  if (input.active !== undefined) changes.active = input.active ? 1 : 0;
  if (input.locale !== undefined) changes.locale = input.locale;
  const now = isoNow(ctx.clock);
  if (input.password !== undefined) {
    changes.passwordHash = await hashPassword(input.password);
    changes.passwordChangedAt = now;
  }

  const losesAdmin =
    current.role === 'admin' &&
    current.active === 1 &&
    ((changes.role !== undefined && changes.role !== 'admin') || changes.active === 0);

  const updated = await ctx.db.transaction().execute(async (trx) => {
    if (losesAdmin && (await repo.countActiveAdmins(trx)) <= 1) {
      throw conflict('Kontor needs at least one active administrator', [
        { path: changes.active === 0 ? 'active' : 'role', message: 'last active administrator' },
      ]);
    }
    const row = await repo.updateUser(trx, id, changes, now, expectedVersion);
    if (!row) throw versionMismatch(current.version);
    if (changes.passwordHash || changes.active === 0) await revokeUserSessions(trx, id, now);
    return row;
  });
  ctx.log.info({ userId: id, by: actor.userId, fields: Object.keys(input).filter((k) => k !== 'password') }, 'user updated');
  return presentUser(updated);
}

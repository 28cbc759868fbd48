import { type Actor, lowerRole } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { UserRow } from '../../db/schema.ts';
import { AppError, conflict, forbidden, invalid } from '../../http/errors.ts';
import { findApiKeyForSecret, touchApiKey } from '../api-keys/api-keys.repository.ts';
import { findUserByEmail, findUserById, recordLogin, teamsHeadedBy, updateUser } from '../users/users.repository.ts';
import type { User } from '../users/users.schemas.ts';
import { presentUser } from '../users/users.service.ts';
import type { ChangePassword, UpdateProfile } from './auth.schemas.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import * as sessions from './sessions.repository.ts';

export interface TokenClaims {
  sub: string;
  sid: string;
}
export type SignToken = (claims: TokenClaims, expiresInSeconds: number) => string;

export interface IssuedSession {
  token: string;
  sessionId: string;
  expiresAt: string;
  user: User;
}

interface ClientMeta {
  ip: string;
  userAgent: string | undefined;
}

export async function issueSession(ctx: Ctx, sign: SignToken, user: UserRow, meta: ClientMeta): Promise<IssuedSession> {
  const now = ctx.clock.now();
  const ttl = ctx.config.sessionHours * 3600;
  const expiresAt = new Date(now.getTime() + ttl * 1000).toISOString();
  const sessionId = newId();
  await sessions.insertSession(ctx.db, {
    id: sessionId,
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt,
    revokedAt: null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip,
  });
  return { token: sign({ sub: user.id, sid: sessionId }, ttl), sessionId, expiresAt, user: presentUser(user) };
}

/** Checks e-mail and password; unknown e-mail, wrong password and inactive user give the same answer. */
export async function login(ctx: Ctx, sign: SignToken, email: string, password: string, meta: ClientMeta) {
  const user = await findUserByEmail(ctx.db, email.trim());
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || user.active !== 1) {
    ctx.log.info({ ip: meta.ip }, 'login failed');
    throw new AppError('invalid_credentials', 'E-mail or password is wrong');
  }
  const now = isoNow(ctx.clock);
  await recordLogin(ctx.db, user.id, now);
  return issueSession(ctx, sign, { ...user, lastLoginAt: now }, meta);
}

async function actorFor(ctx: Ctx, user: UserRow, via: Actor['via'], extra: Partial<Actor> = {}): Promise<Actor> {
  return {
    userId: user.id,
    role: user.role,
    teamId: user.teamId,
    headOfTeamIds: await teamsHeadedBy(ctx.db, user.id),
    via,
    sessionId: null,
    apiKeyId: null,
    ...extra,
  };
}

/** Resolves verified token claims to an actor: the session must be live and the user active. */
export async function actorFromClaims(ctx: Ctx, claims: TokenClaims, via: 'session' | 'token'): Promise<Actor | null> {
  const now = isoNow(ctx.clock);
  const session = await sessions.findLiveSession(ctx.db, claims.sid, now);
  if (!session || session.userId !== claims.sub) return null;
  const user = await findUserById(ctx.db, claims.sub);
  if (user?.active !== 1) return null;
  return actorFor(ctx, user, via, { sessionId: session.id });
}

/** Resolves an API key to an actor acting for its creator, never above the creator's current role. */
export async function actorFromApiKey(ctx: Ctx, secret: string): Promise<Actor | null> {
  const key = await findApiKeyForSecret(ctx.db, secret);
  if (!key) return null;
  const user = await findUserById(ctx.db, key.userId);
  if (user?.active !== 1) return null;
  await touchApiKey(ctx.db, key, ctx.clock.now());
  return actorFor(ctx, user, 'apiKey', { role: lowerRole(key.role, user.role), apiKeyId: key.id });
}

export async function logout(ctx: Ctx, actor: Actor): Promise<void> {
  if (actor.sessionId) await sessions.revokeSession(ctx.db, actor.sessionId, isoNow(ctx.clock));
}

export async function me(ctx: Ctx, actor: Actor): Promise<User> {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('unauthorized', 'Your account no longer exists');
  // through an API key the caller acts with the key's role, which may be lower than the creator's
  return { ...presentUser(user), role: actor.role };
}

/** Changes the caller's own name, e-mail or language; role, team and activity are the admin's. */
/** An API key acts for an integration, not as its creator: the account itself stays with the person. */
function assertPerson(actor: Actor): void {
  if (actor.via === 'apiKey') throw forbidden('An API key cannot change the account it was created by');
}

export async function updateProfile(ctx: Ctx, actor: Actor, input: UpdateProfile): Promise<User> {
  assertPerson(actor);
  const changes: Partial<UserRow> = {};
  if (input.name !== undefined) changes.name = input.name.trim();
  if (input.locale !== undefined) changes.locale = input.locale;
  if (input.email !== undefined) {
    const email = input.email.trim().toLowerCase();
    const other = await findUserByEmail(ctx.db, email);
    if (other && other.id !== actor.userId)
      throw conflict('This e-mail is already in use', [{ path: 'email', message: 'already in use' }]);
    changes.email = email;
  }
  const row = await updateUser(ctx.db, actor.userId, changes, isoNow(ctx.clock));
  if (!row) throw new AppError('unauthorized', 'Your account no longer exists');
  return presentUser(row);
}

/** Changes the caller's password; every session (this one too) ends and a fresh one is issued. */
export async function changePassword(ctx: Ctx, sign: SignToken, actor: Actor, input: ChangePassword, meta: ClientMeta) {
  assertPerson(actor);
  const user = await findUserById(ctx.db, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalid('currentPassword', 'The current password is wrong');
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = isoNow(ctx.clock);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const updated = await updateUser(trx, user.id, { passwordHash, passwordChangedAt: now }, now);
    await sessions.revokeUserSessions(trx, user.id, now);
    return updated as UserRow;
  });
  return issueSession(ctx, sign, row, meta);
}

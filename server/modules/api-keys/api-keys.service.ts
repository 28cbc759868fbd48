import { randomBytes } from 'node:crypto';
import { type Actor, roleAtMost } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { ApiKeyRow } from '../../db/schema.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import * as repo from './api-keys.repository.ts';
import type { ApiKey, CreateApiKey } from './api-keys.schemas.ts';

const ALPHABET = 'abcdefghijkmnopqrstuvwxyz23456789';

function randomChars(n: number): string {
  const bytes = randomBytes(n);
  let out = '';
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

export function presentApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    userId: row.userId,
    prefix: row.prefix,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** Creates a key acting for the caller with a role no higher than the caller's; the secret is returned once. */
export async function createApiKey(ctx: Ctx, actor: Actor, input: CreateApiKey): Promise<ApiKey & { key: string }> {
  if (actor.via === 'apiKey') throw forbidden('API keys cannot create API keys');
  if (!roleAtMost(input.role, actor.role)) throw forbidden('An API key cannot have a role above your own');
  const key = `${repo.KEY_PREFIX}${randomChars(12)}${randomChars(40)}`;
  const now = isoNow(ctx.clock);
  const row: ApiKeyRow = {
    id: newId(),
    name: input.name.trim(),
    prefix: repo.prefixOf(key),
    keyHash: repo.hashKey(key),
    role: input.role,
    userId: actor.userId,
    lastUsedAt: null,
    revokedAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await repo.insertApiKey(ctx.db, row);
  ctx.log.info({ apiKeyId: row.id, by: actor.userId, role: row.role }, 'api key created');
  return { ...presentApiKey(row), key };
}

export async function listApiKeys(ctx: Ctx, actor: Actor, query: Record<string, unknown>) {
  const page = await repo.listApiKeys(ctx.db, actor, query);
  return { data: page.rows.map(presentApiKey), nextCursor: page.nextCursor };
}

export async function getApiKey(ctx: Ctx, actor: Actor, id: string): Promise<ApiKey> {
  const row = await repo.findVisibleApiKey(ctx.db, actor, id);
  if (!row) throw notFound('API key');
  return presentApiKey(row);
}

/** Revokes a key the caller may see; what they may not see answers 404 and is left untouched. */
export async function revokeApiKey(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const row = await repo.findVisibleApiKey(ctx.db, actor, id);
  if (!row) throw notFound('API key');
  await repo.revokeApiKey(ctx.db, id, isoNow(ctx.clock));
}

import { createHash, timingSafeEqual } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import { visibleOwner } from '../../core/scope.ts';
import type { ApiKeyRow, DB } from '../../db/schema.ts';
import { applyKeyset, type ListParams, likePattern, pageOf, type SortField } from '../../http/list.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const KEY_PREFIX = 'kontor_';
const PREFIX_LENGTH = KEY_PREFIX.length + 12;

export const API_KEY_SORT: Record<string, SortField> = {
  createdAt: { expr: 'apiKeys.createdAt' },
  name: { expr: sql`lower(api_keys.name)` },
  lastUsedAt: { expr: 'apiKeys.lastUsedAt' },
};

export function hashKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function prefixOf(secret: string): string {
  return secret.slice(0, PREFIX_LENGTH);
}

export async function insertApiKey(db: Db, row: ApiKeyRow): Promise<void> {
  await db.insertInto('apiKeys').values(row).execute();
}

export async function listApiKeys(
  db: Db,
  actor: Actor,
  filters: { q?: string; userId?: string; revoked?: boolean },
  params: ListParams,
) {
  let q = db.selectFrom('apiKeys').selectAll('apiKeys').where(visibleOwner(actor, 'apiKeys.userId'));
  if (filters.userId) q = q.where('apiKeys.userId', '=', filters.userId);
  if (filters.revoked !== undefined) q = q.where('apiKeys.revokedAt', filters.revoked ? 'is not' : 'is', null);
  if (filters.q) q = q.where(sql<boolean>`lower(api_keys.name) LIKE ${likePattern(filters.q.toLowerCase())} ESCAPE '\\'`);
  const rows = await applyKeyset(q, params, API_KEY_SORT, 'apiKeys.id').execute();
  return pageOf(rows, params);
}

/** One key, only if the actor may see it. */
export function findVisibleApiKey(db: Db, actor: Actor, id: string): Promise<ApiKeyRow | undefined> {
  return db
    .selectFrom('apiKeys')
    .selectAll()
    .where('id', '=', id)
    .where(visibleOwner(actor, 'apiKeys.userId'))
    .executeTakeFirst();
}

export async function revokeApiKey(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('apiKeys')
    .set({ revokedAt: now, updatedAt: now, version: sql`version + 1` as unknown as number })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .execute();
}

/** The live key matching a presented secret (constant-time hash comparison). */
export async function findApiKeyForSecret(db: Db, secret: string): Promise<ApiKeyRow | undefined> {
  if (!secret.startsWith(KEY_PREFIX) || secret.length < PREFIX_LENGTH + 20) return undefined;
  const row = await db
    .selectFrom('apiKeys')
    .selectAll()
    .where('prefix', '=', prefixOf(secret))
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const a = Buffer.from(row.keyHash, 'hex');
  const b = Buffer.from(hashKey(secret), 'hex');
  return a.length === b.length && timingSafeEqual(a, b) ? row : undefined;
}

/** Records use at most once a minute, so busy integrations do not turn every read into a write. */
export async function touchApiKey(db: Db, row: ApiKeyRow, now: Date): Promise<void> {
  if (row.lastUsedAt && now.getTime() - new Date(row.lastUsedAt).getTime() < 60_000) return;
  await db.updateTable('apiKeys').set({ lastUsedAt: now.toISOString() }).where('id', '=', row.id).execute();
}

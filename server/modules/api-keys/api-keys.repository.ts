import { createHash, timingSafeEqual } from 'node:crypto';
import { type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import { visibleOwner } from '../../core/scope.ts';
import type { ApiKeyRow, DB } from '../../db/schema.ts';
import { containsText, type ListSpec, listPage } from '../../http/list.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const KEY_PREFIX = 'kontor_';
const PREFIX_LENGTH = KEY_PREFIX.length + 12;

/** API keys, newest first; revoked=true: only revoked keys, false: only those in use. */
export const API_KEY_LIST: ListSpec = {
  defaultSort: '-createdAt',
  idColumn: 'apiKeys.id',
  sortable: {
    createdAt: { expr: 'apiKeys.createdAt' },
    name: { expr: sql`lower(api_keys.name)` },
    lastUsedAt: { expr: 'apiKeys.lastUsedAt' },
  },
  filters: {
    name: { expr: 'apiKeys.name', kind: 'ci', schema: Type.String({ maxLength: 120 }) },
    role: {
      expr: 'apiKeys.role',
      schema: Type.Union([Type.Literal('admin'), Type.Literal('head'), Type.Literal('manager'), Type.Literal('specialist')]),
    },
    userId: { expr: 'apiKeys.userId', schema: Type.String({ maxLength: 64 }) },
    revoked: {
      expr: 'apiKeys.revokedAt',
      schema: Type.Boolean(),
      where: (value) => sql<SqlBool>`api_keys.revoked_at ${value === true ? sql`IS NOT NULL` : sql`IS NULL`}`,
    },
  },
  search: containsText('apiKeys.name'),
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

export function listApiKeys(db: Db, actor: Actor, query: Record<string, unknown>) {
  return listPage(
    db.selectFrom('apiKeys').selectAll('apiKeys').where(visibleOwner(actor, 'apiKeys.userId')),
    API_KEY_LIST,
    query,
  );
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

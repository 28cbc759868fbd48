import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, sql } from 'kysely';

export interface Migration {
  name: string;
  up(db: Kysely<any>): Promise<void>;
  down(db: Kysely<any>): Promise<void>;
}

export interface MigrationStatus {
  name: string;
  appliedAt: string | null;
}

const NAME = /^\d{14}_[a-z0-9_]+\.(ts|js)$/;

/** migrations/ next to server/ in the source tree, and dist/migrations next to dist/server when built. */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = fs
    .readdirSync(dir)
    .filter((f) => NAME.test(f) && !f.endsWith('.d.ts'))
    .sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(dir, file)).href);
    if (typeof mod.up !== 'function' || typeof mod.down !== 'function') {
      throw new Error(`Migration ${file} must export up() and down()`);
    }
    migrations.push({ name: file.replace(/\.(ts|js)$/, ''), up: mod.up, down: mod.down });
  }
  return migrations;
}

async function ensureTable(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS kontor_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`.execute(db);
}

async function applied(db: Kysely<any>): Promise<Map<string, string>> {
  await ensureTable(db);
  const rows = await db.selectFrom('kontor_migrations').select(['name', 'applied_at']).execute();
  return new Map(rows.map((r) => [r.name as string, r.applied_at as string]));
}

/**
 * Applies every pending migration, each with its bookkeeping row in one transaction,
 * so a failing migration leaves the database exactly as it was before it.
 * The Kysely instance must be one without the CamelCasePlugin (migrations speak snake_case).
 */
export async function migrateUp(db: Kysely<any>, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  const done = await applied(db);
  const unknown = [...done.keys()].filter((name) => !all.some((m) => m.name === name));
  if (unknown.length > 0) {
    throw new Error(`Database has migrations this version does not know: ${unknown.join(', ')} (is it newer?)`);
  }
  const ran: string[] = [];
  for (const migration of all) {
    if (done.has(migration.name)) continue;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx);
      await trx.insertInto('kontor_migrations').values({ name: migration.name, applied_at: new Date().toISOString() }).execute();
    });
    ran.push(migration.name);
  }
  return ran;
}

/** Reverts the newest `steps` applied migrations (all when steps is Infinity). */
export async function migrateDown(db: Kysely<any>, steps = 1, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  const done = await applied(db);
  const reverted: string[] = [];
  for (const migration of [...all].reverse()) {
    if (reverted.length >= steps) break;
    if (!done.has(migration.name)) continue;
    await db.transaction().execute(async (trx) => {
      await migration.down(trx);
      await trx.deleteFrom('kontor_migrations').where('name', '=', migration.name).execute();
    });
    reverted.push(migration.name);
  }
  return reverted;
}

export async function migrationStatus(db: Kysely<any>, migrations?: Migration[]): Promise<MigrationStatus[]> {
  const all = migrations ?? (await loadMigrations());
  const done = await applied(db);
  return all.map((m) => ({ name: m.name, appliedAt: done.get(m.name) ?? null }));
}

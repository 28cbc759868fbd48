import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../server/db/connection.ts';
import { loadMigrations, type Migration, migrateDown, migrateUp, migrationStatus } from '../../server/db/migrator.ts';
import { tempDataDir } from '../support/app.ts';

let database: Database | undefined;
let dir: string | undefined;

function fresh(): Kysely<any> {
  dir = tempDataDir();
  database = openDatabase(path.join(dir, 'kontor.db'));
  return database.db.withoutPlugins();
}

async function tables(db: Kysely<any>): Promise<string[]> {
  const rows = await sql<{
    name: string;
  }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}

afterEach(async () => {
  await database?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('run all the way up and all the way down on a fresh file', async () => {
    const db = fresh();
    const all = await loadMigrations();
    expect(all.length).toBeGreaterThan(0);
    expect(await migrateUp(db)).toEqual(all.map((m) => m.name));
    expect(await tables(db)).toEqual(expect.arrayContaining(['users', 'teams', 'sessions', 'api_keys', 'settings']));
    expect((await migrationStatus(db)).every((s) => s.appliedAt !== null)).toBe(true);
    expect(await migrateUp(db)).toEqual([]);

    expect(await migrateDown(db, Number.POSITIVE_INFINITY)).toEqual(all.map((m) => m.name).reverse());
    expect(await tables(db)).toEqual(['kontor_migrations']);
    expect(await migrateUp(db)).toHaveLength(all.length);
  });

  it('uses WAL, foreign keys and synchronous=FULL', () => {
    fresh();
    const sqlite = (database as Database).sqlite;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('a failing migration leaves the database exactly as it was', async () => {
    const db = fresh();
    await migrateUp(db);
    const before = await tables(db);
    const broken: Migration = {
      name: '29991231000000_broken',
      async up(trx) {
        await trx.schema.createTable('half_done').addColumn('id', 'text').execute();
        await sql`INSERT INTO nowhere VALUES (1)`.execute(trx);
      },
      async down() {},
    };
    await expect(migrateUp(db, [...(await loadMigrations()), broken])).rejects.toThrow(/nowhere/);
    expect(await tables(db)).toEqual(before);
    const status = await migrationStatus(db, [...(await loadMigrations()), broken]);
    expect(status.at(-1)).toEqual({ name: '29991231000000_broken', appliedAt: null });
  });

  it('refuses a database that has migrations this version does not know', async () => {
    const db = fresh();
    await migrateUp(db);
    await db
      .insertInto('kontor_migrations')
      .values({ name: '29991231000000_future', applied_at: new Date().toISOString() })
      .execute();
    await expect(migrateUp(db)).rejects.toThrow(/does not know/);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/connection.ts';
import { loadMigrations, migrateUp } from '../../server/db/migrator.ts';
import { listBackups } from '../../server/modules/backups/catalog.ts';
import { verifyArchive } from '../../server/modules/backups/restore.ts';
import { backupBeforeMigrating } from '../../server/modules/backups/upgrade.ts';
import { describeDatabase, seedDataDir } from './fixtures.ts';
import { launchServer, ROOT, tempDir } from './support.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
function work(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}
const log = pino({ level: 'silent' });

describe('backup before migrating', () => {
  it('is taken only for an existing database with pending migrations', async () => {
    const root = work();
    const config = { dataDir: path.join(root, 'data'), backupDir: path.join(root, 'backups') };
    const all = await loadMigrations();
    const database = openDatabase(path.join(config.dataDir, 'kontor.db'));
    try {
      // a new database: nothing to back up
      expect(await backupBeforeMigrating({ config, database, log, kontorVersion: 'test', migrations: all })).toBeNull();
      await migrateUp(database.db.withoutPlugins(), all.slice(0, -1));
      // an older database with one migration pending: backed up first
      const result = await backupBeforeMigrating({ config, database, log, kontorVersion: 'test', migrations: all });
      expect(result?.manifest.kind).toBe('pre-upgrade');
      expect(result?.manifest.database.migrations).toEqual(all.slice(0, -1).map((m) => m.name));
      await migrateUp(database.db.withoutPlugins(), all);
      // up to date: nothing to do
      expect(await backupBeforeMigrating({ config, database, log, kontorVersion: 'test', migrations: all })).toBeNull();
      expect((await listBackups(config.backupDir)).map((b) => b.kind)).toEqual(['pre-upgrade']);
    } finally {
      await database.close();
    }
  });
});

describe('a new version whose migration fails', () => {
  it('refuses to start with a clear message and leaves the database unchanged (and backed up)', async () => {
    const root = work();
    // the new version: this app plus a migration that fails half-way
    const app = path.join(root, 'app');
    for (const part of ['server', 'migrations', 'package.json', 'tsconfig.json']) {
      fs.cpSync(path.join(ROOT, part), path.join(app, part), { recursive: true });
    }
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'));
    fs.writeFileSync(
      path.join(app, 'migrations', '29991231000000_broken.ts'),
      `import { type Kysely, sql } from 'kysely';
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('half_done').addColumn('id', 'text').execute();
  await sql\`UPDATE contacts SET last_name = 'changed'\`.execute(db);
  await sql\`INSERT INTO nowhere VALUES (1)\`.execute(db);
}
export async function down(): Promise<void> {}
`,
    );
    const dataDir = path.join(root, 'data');
    await seedDataDir(dataDir, 3);
    const before = describeDatabase(path.join(dataDir, 'kontor.db'));

    const server = launchServer({ dataDir, appDir: app });
    const { code } = await server.exited;
    expect(code, server.output()).toBe(65);
    expect(server.output()).toMatch(
      /Kontor cannot start: migration 29991231000000_broken failed \(no such table: nowhere\); the database was left as it was/,
    );
    const after = describeDatabase(path.join(dataDir, 'kontor.db'));
    expect(after).toEqual(before);
    expect(after.schema.some((s) => s.includes('half_done'))).toBe(false);

    // and the backup it took before trying holds that same database
    const [backup] = await listBackups(path.join(dataDir, 'backups'));
    expect(backup).toMatchObject({ kind: 'pre-upgrade', state: 'ok' });
    const manifest = await verifyArchive(path.join(dataDir, 'backups', `${backup?.id}.tar.gz`), path.join(root, 'check'));
    expect(manifest.database.migrations).toEqual(before.migrations);
    expect(manifest.counts).toEqual(before.counts);
  }, 120_000);
});

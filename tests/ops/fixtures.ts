import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../../server/db/connection.ts';
import { migrateUp } from '../../server/db/migrator.ts';

/** A migrated data directory with a few contacts, a document and an upload, like a small live instance. */
export async function seedDataDir(dataDir: string, contacts = 3): Promise<void> {
  const database = openDatabase(path.join(dataDir, 'kontor.db'));
  await migrateUp(database.db.withoutPlugins());
  await database.close();
  const db = new SQLite(path.join(dataDir, 'kontor.db'));
  try {
    const now = new Date().toISOString();
    const insert = db.prepare(
      `INSERT INTO contacts (id, first_name, last_name, email, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 1)`,
    );
    db.transaction(() => {
      for (let i = 0; i < contacts; i++)
        insert.run(`c${String(i).padStart(8, '0')}`, 'Anna', `Nr ${i}`, `anna${i}@example.de`, now, now);
    })();
  } finally {
    db.close();
  }
  fs.mkdirSync(path.join(dataDir, 'documents', '2026'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'documents', '2026', 'angebot-1.pdf'), '%PDF-1.7 Angebot 1\n');
  fs.mkdirSync(path.join(dataDir, 'imports'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'imports', 'upload-1.csv'), 'Vorname;Nachname\nAnna;Schmidt\n');
}

/** Grows the database by about `megabytes` of incompressible rows (a table of random blobs). */
export function growDatabase(dataDir: string, megabytes: number): void {
  const db = new SQLite(path.join(dataDir, 'kontor.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE IF NOT EXISTS bulk_filler (id INTEGER PRIMARY KEY, data BLOB NOT NULL)');
    const rows = Math.ceil((megabytes * 1024 * 1024) / 8000);
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO bulk_filler (data) SELECT randomblob(8000) FROM n`,
    ).run(rows);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** Schema, migrations and row counts of a database: what "unchanged" means for the tests. */
export function describeDatabase(file: string): { schema: string[]; migrations: string[]; counts: Record<string, number> } {
  const db = new SQLite(file, { readonly: true });
  try {
    const schema = db
      .prepare(`SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name`)
      .pluck()
      .all() as string[];
    const tables = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
      .pluck()
      .all() as string[];
    const counts: Record<string, number> = {};
    for (const t of tables) counts[t] = db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number;
    const migrations = db.prepare('SELECT name FROM kontor_migrations ORDER BY name').pluck().all() as string[];
    return { schema, migrations, counts };
  } finally {
    db.close();
  }
}

const SQLITE_MODULE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../node_modules/better-sqlite3');

/** Another process with the database open (as a server or an sqlite3 shell would have it); kill() ends it. */
export async function holdDatabaseOpen(file: string): Promise<{ kill(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const db = new (require(process.argv[1]))(process.argv[2]); db.pragma('journal_mode = WAL');
       db.prepare('SELECT count(*) FROM contacts').get(); console.log('ready'); setInterval(() => {}, 1000);`,
      SQLITE_MODULE,
      file,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
  return {
    async kill() {
      const gone = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    },
  };
}

/** A process that commits a row and is killed before any checkpoint: it leaves a live -wal and -shm. */
export async function crashAfterWrite(file: string, contactId: string): Promise<void> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `const db = new (require(process.argv[1]))(process.argv[2]); db.pragma('journal_mode = WAL'); db.pragma('wal_autocheckpoint = 0');
       db.prepare("INSERT INTO contacts (id, first_name, last_name, created_at, updated_at, version) VALUES (?, 'Nach', 'Dem Backup', 'x', 'x', 1)").run(process.argv[3]);
       process.kill(process.pid, 'SIGKILL');`,
      SQLITE_MODULE,
      file,
      contactId,
    ],
    { stdio: 'inherit' },
  );
  await new Promise((resolve) => child.on('exit', resolve));
}

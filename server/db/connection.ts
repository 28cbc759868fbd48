import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema.ts';

export interface Database {
  db: Kysely<DB>;
  sqlite: SQLite.Database;
  close(): Promise<void>;
}

/**
 * Opens the SQLite file with Kontor's durability pragmas (SECURITY.md: WAL,
 * foreign keys, busy timeout, synchronous=FULL so an acknowledged write survives kill -9).
 */
export function openDatabase(file: string): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const sqlite = new SQLite(file);
  // password hashes, sessions and the token secret live here: readable by Kontor's user only (SQLite
  // gives its -wal and -shm files the database file's mode)
  if (file !== ':memory:') restrictToOwner(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('trusted_schema = OFF');
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  let closed = false;
  return {
    db,
    sqlite,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

function restrictToOwner(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((fs.statSync(f).mode & 0o077) !== 0) fs.chmodSync(f, 0o600);
    } catch {
      // missing, or not ours to change (a read-only mount): leave it as the admin set it up
    }
  }
}

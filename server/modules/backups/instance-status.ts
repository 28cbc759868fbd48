import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import type { Config } from '../../config.ts';
import { type BackupEntry, type BackupFailure, lastFailure, listBackups } from './catalog.ts';
import { instanceRunning } from './instance-lock.ts';

export interface InstanceStatus {
  version: string;
  dataDir: string;
  running: boolean;
  database: { file: string; exists: boolean; sizeBytes: number; walBytes: number };
  counts: { users: number; activeAdmins: number; contacts: number; companies: number; deals: number } | null;
  migrations: { applied: number; pending: string[]; unknown: string[] };
  backups: { directory: string; count: number; last: BackupEntry | null; lastFailure: BackupFailure | null };
}

const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

/** What `npm run status` shows: read-only, without migrating, also while the server runs. */
export async function instanceStatus(
  config: Pick<Config, 'dataDir' | 'databaseFile' | 'backupDir'>,
  version: string,
  knownMigrations: string[],
): Promise<InstanceStatus> {
  const exists = fs.existsSync(config.databaseFile);
  let counts: InstanceStatus['counts'] = null;
  let applied: string[] = [];
  if (exists) {
    const db = new SQLite(config.databaseFile, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      const tables = new Set(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[]);
      const count = (sql: string, table: string) => (tables.has(table) ? (db.prepare(sql).pluck().get() as number) : 0);
      counts = {
        users: count('SELECT count(*) FROM users', 'users'),
        activeAdmins: count(`SELECT count(*) FROM users WHERE role = 'admin' AND active = 1`, 'users'),
        contacts: count('SELECT count(*) FROM contacts', 'contacts'),
        companies: count('SELECT count(*) FROM companies', 'companies'),
        deals: count('SELECT count(*) FROM deals', 'deals'),
      };
      if (tables.has('kontor_migrations')) {
        applied = db.prepare('SELECT name FROM kontor_migrations ORDER BY name').pluck().all() as string[];
      }
    } finally {
      db.close();
    }
  }
  const backups = await listBackups(config.backupDir);
  return {
    version,
    dataDir: config.dataDir,
    running: instanceRunning(config.dataDir),
    database: {
      file: config.databaseFile,
      exists,
      sizeBytes: size(config.databaseFile),
      walBytes: size(`${config.databaseFile}-wal`),
    },
    counts,
    migrations: {
      applied: applied.length,
      pending: knownMigrations.filter((m) => !applied.includes(m)),
      unknown: applied.filter((m) => !knownMigrations.includes(m)),
    },
    backups: {
      directory: config.backupDir,
      count: backups.filter((b) => b.state === 'ok').length,
      last: backups.find((b) => b.state === 'ok') ?? null,
      lastFailure: lastFailure(config.backupDir),
    },
  };
}

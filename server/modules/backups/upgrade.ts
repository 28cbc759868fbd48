import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/connection.ts';
import { type Migration, migrationStatus } from '../../db/migrator.ts';
import { type BackupResult, createBackup } from './backup.ts';

/**
 * Before a new version migrates an existing database, back it up (kind pre-upgrade). Nothing is
 * done for a new database or when no migration is pending. Throws when the backup fails: the
 * caller must not migrate then.
 */
export async function backupBeforeMigrating(opts: {
  config: Pick<Config, 'dataDir' | 'backupDir'>;
  database: Database;
  log: Logger;
  kontorVersion: string;
  migrations?: Migration[];
}): Promise<BackupResult | null> {
  const status = await migrationStatus(opts.database.db.withoutPlugins(), opts.migrations);
  const applied = status.filter((s) => s.appliedAt !== null).length;
  const pending = status.filter((s) => s.appliedAt === null).map((s) => s.name);
  if (applied === 0 || pending.length === 0) return null;
  opts.log.info({ pending, backupDir: opts.config.backupDir }, 'pending migrations: backing up the database first');
  let lastLogged = 0;
  const result = await createBackup({
    dataDir: opts.config.dataDir,
    backupDir: opts.config.backupDir,
    kind: 'pre-upgrade',
    kontorVersion: opts.kontorVersion,
    onProgress: (p) => {
      if (Date.now() - lastLogged < 5000) return;
      lastLogged = Date.now();
      opts.log.info({ phase: p.phase, done: p.done, total: p.total }, 'backup before migrating in progress');
    },
  });
  opts.log.info({ file: result.file, sizeBytes: result.sizeBytes, ms: result.durationMs }, 'backup before migrating written');
  return result;
}

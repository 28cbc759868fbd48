import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { systemClock } from './core/clock.ts';
import { VERSION } from './core/paths.ts';
import { openDatabase } from './db/connection.ts';
import { migrateUp, migrationStatus } from './db/migrator.ts';
import { createLogger } from './logger.ts';
import { lockDataDir } from './modules/backups/instance-lock.ts';
import { backupBeforeMigrating } from './modules/backups/upgrade.ts';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Kontor cannot start: ${err.message}`);
      process.exit(78);
    }
    throw err;
  }
  const log = createLogger(config);
  const unusable = dataDirProblem(config.dataDir);
  if (unusable) {
    console.error(`Kontor cannot start: KONTOR_DATA_DIR ${config.dataDir} ${unusable}`);
    process.exit(78);
  }
  // One server per data directory; a restarting predecessor gets a few seconds to let go.
  const lock = await lockDataDir(config.dataDir, 10_000);
  if (!lock) {
    log.fatal(
      { dataDir: config.dataDir },
      'Kontor cannot start: another Kontor server or a restore is using this data directory',
    );
    process.exit(75);
  }
  const database = openDatabase(config.databaseFile);
  // Exit codes 65 and 73 tell systemd not to restart (RestartPreventExitStatus): retrying cannot help.
  try {
    await backupBeforeMigrating({ config, database, log, kontorVersion: VERSION });
  } catch (err) {
    log.fatal(
      { err },
      `Kontor cannot start: the backup before migrating failed (${(err as Error).message}); nothing was migrated`,
    );
    await database.close();
    process.exit(73);
  }
  try {
    const ran = await migrateUp(database.db.withoutPlugins());
    if (ran.length > 0) log.info({ migrations: ran }, 'database migrated');
  } catch (err) {
    const failed = (await migrationStatus(database.db.withoutPlugins()).catch(() => [])).find((m) => !m.appliedAt)?.name;
    log.fatal(
      { err, migration: failed },
      `Kontor cannot start: ${failed ? `migration ${failed}` : 'migrating'} failed (${(err as Error).message}); the database was left as it was`,
    );
    await database.close();
    process.exit(65);
  }

  const app = await buildApp({ config, database, clock: systemClock, logger: log });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await app.close();
      await database.close();
      lock.release();
      log.info('stopped');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    const code = (err as { code?: string }).code;
    log.fatal(
      { err },
      `Kontor cannot start: cannot listen on ${config.host}:${config.port} (${code === 'EADDRINUSE' ? 'the port is in use' : code === 'ENOTFOUND' ? 'unknown HOST' : (err as Error).message})`,
    );
    await app.close();
    await database.close();
    lock.release();
    process.exit(78);
  }
  app.scheduler.start();
  log.info({ url: config.publicUrl, dataDir: config.dataDir }, 'Kontor is ready');
}

/** Why the data directory cannot hold Kontor's files, or null when it can (created if missing). */
function dataDirProblem(dir: string): string | null {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!fs.statSync(dir).isDirectory()) return 'is not a directory';
    const probe = path.join(dir, `.kontor-write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
    return null;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') return 'is not a directory';
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'is not writable for this user';
    return `cannot be used (${(err as Error).message})`;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { systemClock } from './core/clock.ts';
import { openDatabase } from './db/connection.ts';
import { migrateUp } from './db/migrator.ts';
import { createLogger } from './logger.ts';

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
  const database = openDatabase(config.databaseFile);
  try {
    const ran = await migrateUp(database.db.withoutPlugins());
    if (ran.length > 0) log.info({ migrations: ran }, 'database migrated');
  } catch (err) {
    log.fatal({ err }, 'database migration failed; the database was left as it was');
    await database.close();
    process.exit(1);
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
      log.info('stopped');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.scheduler.start();
  log.info({ url: config.publicUrl, dataDir: config.dataDir }, 'Kontor is ready');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

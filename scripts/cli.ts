import pino from 'pino';
import { ConfigError, loadConfig } from '../server/config.ts';
import { systemClock } from '../server/core/clock.ts';
import type { Ctx } from '../server/core/context.ts';
import { EventBus } from '../server/core/events.ts';
import { VERSION } from '../server/core/paths.ts';
import { type Database, openDatabase } from '../server/db/connection.ts';
import { migrateUp } from '../server/db/migrator.ts';
import { backupBeforeMigrating } from '../server/modules/backups/upgrade.ts';
import { becomeDataOwner } from './ops/common.ts';

/**
 * Opens the instance's database (migrated) for an admin command, with the same config the server uses.
 * Run as root, it first becomes the data directory's owner; pending migrations get a backup first, as at server start.
 */
export async function openInstance(): Promise<{ ctx: Ctx; database: Database }> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  becomeDataOwner(config.dataDir);
  const database = openDatabase(config.databaseFile);
  const log = pino({ level: 'warn' });
  await backupBeforeMigrating({ config, database, log, kontorVersion: VERSION });
  await migrateUp(database.db.withoutPlugins());
  return { ctx: { db: database.db, clock: systemClock, config, log, events: new EventBus(log) }, database };
}

export function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

/** Reads --name value pairs. */
export function flags(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) out[key] = inline;
    else if (argv[i + 1] && !(argv[i + 1] as string).startsWith('--')) out[key] = argv[++i] as string;
    else out[key] = true;
  }
  return out;
}

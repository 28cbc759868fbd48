import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../server/app.ts';
import { type Config, loadConfig } from '../../server/config.ts';
import { ManualClock } from '../../server/core/clock.ts';
import { type Database, openDatabase } from '../../server/db/connection.ts';
import { migrateUp } from '../../server/db/migrator.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  clock: ManualClock;
  config: Config;
  dataDir: string;
  /** Closes the app and the database; with keepData the files stay for a rebuild on the same database. */
  close(opts?: { keepData?: boolean }): Promise<void>;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-test-'));
}

/** The real app on a fresh temporary SQLite file with all migrations applied, and a clock tests can move. */
export async function buildTestApp(
  opts: { dataDir?: string; env?: Record<string, string>; clock?: ManualClock; webDist?: string } = {},
): Promise<TestApp> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const config = loadConfig({
    KONTOR_DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    KONTOR_RATE_LIMIT_PER_MINUTE: '100000',
    KONTOR_LOGIN_LIMIT_PER_MINUTE: '1000',
    KONTOR_FORM_LIMIT_PER_MINUTE: '1000',
    ...opts.env,
  });
  const database = openDatabase(config.databaseFile);
  await migrateUp(database.db.withoutPlugins());
  const clock = opts.clock ?? new ManualClock(new Date());
  const logger = pino({ level: config.logLevel });
  const app = await buildApp({ config, database, clock, logger, webDist: opts.webDist ?? path.join(dataDir, 'no-web') });
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    dataDir,
    async close({ keepData = false } = {}) {
      await app.close();
      await database.close();
      if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { systemClock } from '../../server/core/clock.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { migrateUp } from '../../server/db/migrator.ts';

/** What a benchmark reports: named figures, printed as a table. */
export type BenchResult = Record<string, string | number>;

export interface Bench {
  name: string;
  description: string;
  run(): Promise<BenchResult>;
}

export interface BenchApp {
  app: FastifyInstance;
  token: string;
  dataDir: string;
  inject(method: 'GET' | 'POST', url: string, body?: unknown): Promise<{ status: number; body: any; raw: Buffer }>;
  close(): Promise<void>;
}

/** The real app on a fresh temporary database (production settings: WAL, synchronous=FULL), set up with an admin. */
export async function benchApp(): Promise<BenchApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-bench-'));
  const config = loadConfig({ KONTOR_DATA_DIR: dataDir, LOG_LEVEL: 'warn', KONTOR_RATE_LIMIT_PER_MINUTE: '1000000' });
  const database = openDatabase(config.databaseFile);
  await migrateUp(database.db.withoutPlugins());
  const app = await buildApp({
    config,
    database,
    clock: systemClock,
    logger: pino({ level: 'warn' }),
    webDist: path.join(dataDir, 'web'),
  });
  await app.ready();
  const setup = await app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: { companyName: 'Bench GmbH', name: 'Bench Admin', email: 'bench@example.de', password: 'bench-passwort-2026' },
  });
  if (setup.statusCode !== 201) throw new Error(`setup failed: ${setup.body}`);
  const token = JSON.parse(setup.body).token as string;
  const inject: BenchApp['inject'] = async (method, url, body) => {
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(body ? { payload: body as object } : {}),
    });
    const type = String(res.headers['content-type'] ?? '');
    return { status: res.statusCode, body: type.includes('json') ? JSON.parse(res.body) : res.body, raw: res.rawPayload };
  };
  return {
    app,
    token,
    dataDir,
    inject,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A multipart/form-data body: the fields, then the file. */
export function multipart(fields: Record<string, string>, fileName: string, content: Buffer) {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  const payload = Buffer.concat([
    Buffer.from(`${head}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

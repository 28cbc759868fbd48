import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { systemClock } from '../../server/core/clock.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { migrateUp } from '../../server/db/migrator.ts';
import { type DataSize, type Stage, seedReportData } from './reports-data.ts';
import type { Bench } from './support.ts';

// npm run bench reports: every report at 200 000 deals and 1 000 000 activities, through the real app
// (app.inject), as an admin (everything), a head (one team of five) and a manager (their own).

const SIZE: DataSize = {
  deals: Number(process.env.BENCH_REPORT_DEALS ?? 200_000),
  activities: Number(process.env.BENCH_REPORT_ACTIVITIES ?? 1_000_000),
  contacts: Number(process.env.BENCH_REPORT_CONTACTS ?? 100_000),
  tasks: Number(process.env.BENCH_REPORT_TASKS ?? 100_000),
};
const RUNS = 5;
const PASSWORD = 'bench-passwort-2026';

const REPORTS = [
  'funnel',
  'revenue?groupBy=user',
  'revenue?groupBy=month',
  'forecast',
  'pipeline',
  'sources',
  'time-in-stage',
  'lost-reasons',
  'response-time',
  'tasks',
  'activity?groupBy=user',
  'activity?groupBy=month',
  // the whole three years at once: the worst case
  'funnel?from=2023-01-01',
  'response-time?from=2023-01-01',
  'activity?from=2023-01-01',
];

type Inject = (url: string, token: string, body?: unknown, method?: 'GET' | 'POST' | 'PATCH') => Promise<any>;

async function people(inject: Inject, admin: string) {
  const ids: string[] = [];
  let head = '';
  let manager = '';
  for (let team = 0; team < 5; team++) {
    const created = await inject('/api/v1/teams', admin, { name: `Team ${team + 1}` }, 'POST');
    for (let member = 0; member < 9; member++) {
      const role = member === 0 ? 'head' : 'manager';
      const email = `t${team}m${member}@bench.example.de`;
      const user = await inject(
        '/api/v1/users',
        admin,
        { name: `Person ${team}-${member}`, email, password: PASSWORD, role, teamId: created.id },
        'POST',
      );
      ids.push(user.id);
      if (team === 0 && member === 0) {
        await inject(`/api/v1/teams/${created.id}`, admin, { headId: user.id }, 'PATCH');
        head = email;
      }
      if (team === 0 && member === 1) manager = email;
    }
  }
  return { ids, head, manager };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export const bench: Bench = {
  name: 'reports',
  description: `every report at ${SIZE.deals} deals, ${SIZE.activities} activities, ${SIZE.tasks} tasks (median of ${RUNS} runs, ms)`,
  async run() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-bench-'));
    const config = loadConfig({ KONTOR_DATA_DIR: dataDir, LOG_LEVEL: 'warn', KONTOR_RATE_LIMIT_PER_MINUTE: '1000000' });
    const database = openDatabase(config.databaseFile);
    await migrateUp(database.db.withoutPlugins());
    const app = await buildApp({ config, database, clock: systemClock, logger: pino({ level: 'warn' }), webDist: dataDir });
    const inject: Inject = async (url, token, body, method = 'GET') => {
      const res = await app.inject({
        method,
        url,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        ...(body ? { payload: body as object } : {}),
      });
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return JSON.parse(res.body);
    };
    const login = async (email: string) => (await inject('/api/v1/auth/login', '', { email, password: PASSWORD }, 'POST')).token;
    try {
      const setup = await inject(
        '/api/v1/setup',
        '',
        { companyName: 'Bench GmbH', name: 'Bench Admin', email: 'admin@bench.example.de', password: PASSWORD },
        'POST',
      );
      const admin = setup.token as string;
      const team = await people(inject, admin);
      const pipeline = (await inject('/api/v1/pipelines', admin)).data[0] as { id: string; stages: Stage[] };

      const started = performance.now();
      const rows = await seedReportData(database, {
        size: SIZE,
        owners: team.ids,
        pipelineId: pipeline.id,
        stages: pipeline.stages,
        now: Date.now(),
      });
      const result: Record<string, string | number> = { ...rows };
      result['seed s'] = Math.round((performance.now() - started) / 100) / 10;
      result['database MB'] = Math.round(fs.statSync(config.databaseFile).size / 1_048_576);

      const roles = { admin, head: await login(team.head), manager: await login(team.manager) };
      console.log(
        `  ${'report (ms)'.padEnd(32)} ${Object.keys(roles)
          .map((r) => r.padStart(8))
          .join(' ')}`,
      );
      let worst = 0;
      for (const report of REPORTS) {
        const times: number[] = [];
        for (const token of Object.values(roles)) {
          const url = `/api/v1/reports/${report}`;
          await inject(url, token); // warm the page cache and the route
          const runs: number[] = [];
          for (let i = 0; i < RUNS; i++) {
            const t0 = performance.now();
            await inject(url, token);
            runs.push(performance.now() - t0);
          }
          times.push(median(runs));
        }
        worst = Math.max(worst, ...times);
        console.log(`  ${report.padEnd(32)} ${times.map((t) => t.toFixed(0).padStart(8)).join(' ')}`);
      }
      result['slowest report ms'] = Math.round(worst);
      return result;
    } finally {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

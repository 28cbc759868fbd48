import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.ts';
import { addressAllowed } from '../../server/modules/workflows/webhook.ts';
import { buildTestApp, type TestApp, tempDataDir } from '../support/app.ts';
import { login, type Session, setupAdmin } from '../support/factories.ts';

interface Hit {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A real HTTP peer on 127.0.0.1 that answers from a script of status codes. */
async function peer(script: number[] = [200]) {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      hits.push({ headers: req.headers, body });
      const status = script[Math.min(hits.length - 1, script.length - 1)] as number;
      if (status === 0) return; // never answers
      if (status === 302) res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
      else res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 200 ? '{"ok":true}' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    hits,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let open: TestApp | undefined;
let peers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await open?.close();
  open = undefined;
  for (const p of peers) await p.close();
  peers = [];
});

async function settle(t: TestApp) {
  for (let i = 0; i < 4; i++) {
    await t.app.ctx.events.drain();
    await t.app.scheduler.tick();
  }
}

const ALLOW = { KONTOR_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1' };

async function hookWorkflow(admin: Session, url: string, extra: Record<string, unknown> = {}) {
  const res = await admin.api.post('/api/v1/workflows', {
    name: 'An die Warenwirtschaft melden',
    trigger: { type: 'manual', entity: 'deal' },
    steps: [
      { type: 'webhook', url, ...extra },
      { type: 'notify', to: { type: 'user', userId: admin.user.id }, title: 'Gemeldet: {{deal.title}}' },
    ],
  });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; webhookSecret?: string; webhookSecretSet: boolean };
}

async function runOn(admin: Session, workflowId: string) {
  const deal = (await admin.api.post('/api/v1/deals', { title: 'Fenster Kurz', amountCents: 120000 })).body;
  const res = await admin.api.post(`/api/v1/workflows/${workflowId}/run`, { entityType: 'deal', entityId: deal.id });
  expect(res.status, res.text).toBe(201);
  return deal as { id: string };
}

async function lastRun(t: TestApp, workflowId: string) {
  const admin = await login(t, 'admin@example.de');
  return (await admin.api.get(`/api/v1/workflow-runs?workflowId=${workflowId}`)).body.data[0] as {
    status: string;
    error: string | null;
    steps: { type: string; status: string; output: Record<string, unknown> | null; error: string | null }[];
  };
}

describe('webhook step', () => {
  it('POSTs signed JSON to a real server, logs the answer and continues the run', async () => {
    const clock = new ManualClock('2026-03-02T10:00:00.000Z');
    const t = await buildTestApp({ clock, env: ALLOW });
    open = t;
    const p = await peer([200]);
    peers.push(p);
    const admin = await setupAdmin(t);
    const wf = await hookWorkflow(admin, p.url);
    expect(wf.webhookSecret).toMatch(/^whsec_/);
    const shown = (await admin.api.get(`/api/v1/workflows/${wf.id}`)).body;
    expect(shown.webhookSecret).toBeUndefined();
    expect(shown.webhookSecretSet).toBe(true);

    const deal = await runOn(admin, wf.id);
    await settle(t);
    expect(p.hits).toHaveLength(1);
    const hit = p.hits[0] as Hit;
    const sig = String(hit.headers['x-kontor-signature']);
    const [, ts, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sig) ?? [];
    expect(Number(ts)).toBe(Date.parse('2026-03-02T10:00:00.000Z') / 1000);
    expect(v1).toBe(
      createHmac('sha256', wf.webhookSecret as string)
        .update(`${ts}.${hit.body}`)
        .digest('hex'),
    );
    expect(hit.headers['content-type']).toBe('application/json');
    const body = JSON.parse(hit.body);
    expect(body).toMatchObject({
      event: 'manual',
      workflow: { id: wf.id, name: 'An die Warenwirtschaft melden', version: 1 },
      record: { type: 'deal', id: deal.id },
      deal: { id: deal.id, title: 'Fenster Kurz', amountCents: 120000 },
    });
    const run = await lastRun(t, wf.id);
    expect(run.status).toBe('done');
    expect(run.steps.map((s) => `${s.type}:${s.status}`)).toEqual(['webhook:waiting', 'webhook:done', 'notify:done']);
    expect(run.steps[1]?.output).toMatchObject({ status: 200, answer: '{"ok":true}', attempts: 1 });

    // A rotated secret signs the next call; the old one no longer matches.
    const rotated = await admin.api.post(`/api/v1/workflows/${wf.id}/webhook-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(wf.webhookSecret);
    await runOn(admin, wf.id);
    await settle(t);
    const second = p.hits[1] as Hit;
    const [, ts2, v2] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(second.headers['x-kontor-signature'])) ?? [];
    expect(v2).toBe(createHmac('sha256', rotated.body.secret).update(`${ts2}.${second.body}`).digest('hex'));
  });

  it('retries a failing server with backoff through the job table, then continues', async () => {
    const clock = new ManualClock('2026-03-02T10:00:00.000Z');
    const t = await buildTestApp({ clock, env: ALLOW });
    open = t;
    const p = await peer([503, 500, 200]);
    peers.push(p);
    const admin = await setupAdmin(t);
    const wf = await hookWorkflow(admin, p.url);
    await runOn(admin, wf.id);
    await settle(t);
    expect(p.hits).toHaveLength(1);
    let run = await lastRun(t, wf.id);
    expect(run.status).toBe('waiting');
    expect(run.steps.at(-1)).toMatchObject({ type: 'webhook', status: 'retrying', error: 'webhook: answered 503' });
    clock.advance(59_000);
    await settle(t);
    expect(p.hits).toHaveLength(1);
    clock.advance(1_000); // 1 minute after the first failure
    await settle(t);
    expect(p.hits).toHaveLength(2);
    clock.advance(2 * 60_000); // then 2 minutes
    await settle(t);
    expect(p.hits).toHaveLength(3);
    run = await lastRun(t, wf.id);
    expect(run.status).toBe('done');
    expect(run.steps.map((s) => `${s.type}:${s.status}`)).toEqual([
      'webhook:waiting',
      'webhook:retrying',
      'webhook:retrying',
      'webhook:done',
      'notify:done',
    ]);
    await settle(t);
    expect(p.hits).toHaveLength(3);
  });

  it('does not follow redirects, gives up on a 4xx at once, and times out', async () => {
    const clock = new ManualClock('2026-03-02T10:00:00.000Z');
    const t = await buildTestApp({ clock, env: ALLOW });
    open = t;
    const admin = await setupAdmin(t);
    for (const [status, error] of [
      [302, 'webhook: answered 302 (redirects are not followed)'],
      [404, 'webhook: answered 404'],
    ] as const) {
      const p = await peer([status]);
      peers.push(p);
      const wf = await hookWorkflow(admin, p.url);
      await runOn(admin, wf.id);
      await settle(t);
      clock.advance(30 * 60_000);
      await settle(t);
      expect(p.hits).toHaveLength(1);
      const run = await lastRun(t, wf.id);
      expect(run).toMatchObject({ status: 'failed', error });
    }
    const silent = await peer([0]);
    peers.push(silent);
    const wf = await hookWorkflow(admin, silent.url, { timeoutSeconds: 1 });
    await runOn(admin, wf.id);
    await settle(t);
    const run = await lastRun(t, wf.id);
    expect(run.steps.at(-1)).toMatchObject({ status: 'retrying', error: 'webhook: no answer within 1000 ms' });
  });

  it('refuses loopback, private, link-local and IPv4-mapped targets by default, on save and on send', async () => {
    const dataDir = tempDataDir();
    const clock = new ManualClock('2026-03-02T10:00:00.000Z');
    let t = await buildTestApp({ dataDir, clock });
    const p = await peer([200]);
    peers.push(p);
    let admin = await setupAdmin(t);
    const port = new URL(p.url).port;
    for (const url of [
      p.url,
      `http://localhost:${port}/hook`,
      'http://10.1.2.3/hook',
      'http://192.168.0.10/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[::ffff:a9fe:a9fe]/hook',
      'http://[fd00::1]/hook',
      'http://0.0.0.0/hook',
      'http://2130706433/hook', // 127.0.0.1 as one number
    ]) {
      const res = await admin.api.post('/api/v1/workflows', {
        name: 'x',
        trigger: { type: 'manual' },
        steps: [{ type: 'webhook', url }],
      });
      expect(res.status, `${url}: ${res.text}`).toBe(422);
      expect(res.body.errors[0].path).toBe('steps.0.url');
    }
    expect(
      (
        await admin.api.post('/api/v1/workflows', {
          name: 'x',
          trigger: { type: 'manual' },
          steps: [{ type: 'webhook', url: 'file:///etc/passwd' }],
        })
      ).status,
    ).toBe(400);
    expect((await admin.api.get('/api/v1/workflows')).body.data).toHaveLength(0);

    // Saved while the admin allowed 127.0.0.1; after that setting is gone the call is refused on send.
    await t.close({ keepData: true });
    t = await buildTestApp({ dataDir, clock, env: ALLOW });
    admin = await login(t, 'admin@example.de');
    const wf = await hookWorkflow(admin, p.url);
    await t.close({ keepData: true });
    t = await buildTestApp({ dataDir, clock });
    open = t;
    admin = await login(t, 'admin@example.de');
    await runOn(admin, wf.id);
    await settle(t);
    expect(p.hits).toHaveLength(0);
    const run = await lastRun(t, wf.id);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/^webhook: refused: 127\.0\.0\.1 resolves to a private/);
  });

  it('classifies addresses', () => {
    const none = { allowPrivate: [] };
    for (const ip of [
      '127.0.0.1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      '::1',
      '::',
      '::ffff:127.0.0.1',
      '::ffff:8.8.8.8',
      'fe80::1',
      'fc00::1',
      'ff02::1',
      '64:ff9b::a00:1',
      '2002:a00:1::1',
    ])
      expect(addressAllowed(ip, none), ip).toBe(false);
    for (const ip of ['8.8.8.8', '93.184.216.34', '2a00:1450:4001:82a::200e']) expect(addressAllowed(ip, none), ip).toBe(true);
    expect(addressAllowed('127.0.0.1', { allowPrivate: ['127.0.0.1'] })).toBe(true);
    expect(addressAllowed('127.0.0.2', { allowPrivate: ['127.0.0.1'] })).toBe(false);
    expect(addressAllowed('10.9.1.7', { allowPrivate: ['10.9.0.0/16'] })).toBe(true);
  });
});

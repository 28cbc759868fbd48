import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createTeam, createUser, type Session, setupAdmin } from '../support/factories.ts';
import { expectProblem } from '../support/problem.ts';

// Access rules and input checks at their edges, each found by probing a running instance.

let t: TestApp;
let admin: Session;
let manager: Session;
let other: Session;
let fitter: Session;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await setupAdmin(t);
  const team = await createTeam(admin);
  manager = await createUser(t, admin, { teamId: team.id });
  other = await createUser(t, admin);
  fitter = await createUser(t, admin, { role: 'specialist', teamId: team.id });
});
afterAll(() => t.close());

const dealRow = (id: string) => t.database.db.selectFrom('deals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('records you cannot see stay untouched', () => {
  it('an activity cannot be logged on a deal the caller cannot see (or that does not exist)', async () => {
    const deal = (await other.api.post('/api/v1/deals', { title: 'Fremder Auftrag' })).body;
    for (const dealId of [deal.id, '01m8hzzzzzzzzzzzzzzzzzzzzz']) {
      const res = await manager.api.post('/api/v1/activities', { type: 'note', dealId, body: 'Untergeschoben' });
      expectProblem(res, 422, 'unprocessable');
      expect(res.body.errors[0].path).toBe('dealId');
    }
    expect(await t.database.db.selectFrom('activities').select('id').where('body', '=', 'Untergeschoben').execute()).toEqual([]);
    const own = (await manager.api.post('/api/v1/deals', { title: 'Eigener Auftrag' })).body;
    expect((await manager.api.post('/api/v1/activities', { type: 'call', dealId: own.id })).status).toBe(201);
  });

  it('removing a payment of an invisible deal is a 404, not a 403', async () => {
    const deal = (await other.api.post('/api/v1/deals', { title: 'Zahlung', amountCents: 1000 })).body;
    const payment = (await other.api.post(`/api/v1/deals/${deal.id}/payments`, { amountCents: 500 })).body;
    expectProblem(await manager.api.delete(`/api/v1/deals/${deal.id}/payments/${payment.id}`), 404, 'not_found');
    expect((await dealRow(deal.id)).paidCents).toBe(500);
  });

  it('a hand-off ends with its task: the fitter can neither reopen it nor plan new work on the deal for himself', async () => {
    const deal = (await manager.api.post('/api/v1/deals', { title: 'Montage Becker' })).body;
    const task = (
      await manager.api.post('/api/v1/tasks', { title: 'Fenster einbauen', dealId: deal.id, assigneeId: fitter.user.id })
    ).body;
    expect((await fitter.api.get(`/api/v1/deals/${deal.id}`)).status).toBe(200);
    expectProblem(await fitter.api.post('/api/v1/tasks', { title: 'Noch ein Termin', dealId: deal.id }), 403, 'forbidden');
    expect((await fitter.api.post(`/api/v1/tasks/${task.id}/complete`, { note: 'Fertig' })).status).toBe(200);
    expectProblem(await fitter.api.get(`/api/v1/deals/${deal.id}`), 404, 'not_found');
    const before = await dealRow(deal.id);
    expectProblem(await fitter.api.post(`/api/v1/tasks/${task.id}/reopen`), 403, 'forbidden');
    expectProblem(await fitter.api.patch(`/api/v1/tasks/${task.id}`, { status: 'open' }), 403, 'forbidden');
    expect((await fitter.api.get(`/api/v1/tasks/${task.id}`)).body.status).toBe('done');
    expectProblem(await fitter.api.get(`/api/v1/deals/${deal.id}`), 404, 'not_found');
    expect((await dealRow(deal.id)).version).toBe(before.version);
    // the owner's side may reopen it, which hands the deal back
    expect((await manager.api.post(`/api/v1/tasks/${task.id}/reopen`)).status).toBe(200);
    expect((await fitter.api.get(`/api/v1/deals/${deal.id}`)).status).toBe(200);
    // the fitter may still plan his own unlinked work
    expect((await fitter.api.post('/api/v1/tasks', { title: 'Werkzeug holen' })).status).toBe(201);
  });

  it('an API key acts for an integration: it cannot change the account of whoever created it', async () => {
    const key = (await admin.api.post('/api/v1/api-keys', { name: 'Shop', role: 'manager' })).body.key;
    const integration = admin.api.as(key);
    expect((await integration.get('/api/v1/auth/me')).body).toMatchObject({ id: admin.user.id, role: 'manager' });
    expectProblem(await integration.patch('/api/v1/auth/me', { email: 'shop@example.de' }), 403, 'forbidden');
    expectProblem(
      await integration.post('/api/v1/auth/password', {
        currentPassword: 'richtig-geheim-42',
        newPassword: 'ganz-neu-und-lang-1',
      }),
      403,
      'forbidden',
    );
    expect((await admin.api.get('/api/v1/auth/me')).body.email).toBe(admin.user.email);
  });
});

describe('bad input is a 400 and changes nothing', () => {
  it('a tampered list cursor', async () => {
    for (const v of [{ a: 1 }, [1], true]) {
      const cursor = Buffer.from(JSON.stringify({ s: 'lastName', v, id: 'x' })).toString('base64url');
      expectProblem(await manager.api.get(`/api/v1/contacts?sort=lastName&cursor=${cursor}`), 400, 'validation_failed');
    }
  });

  it('a website that is not an http(s) address', async () => {
    for (const website of ['javascript:alert(document.cookie)', 'data:text/html,<b>x</b>', ' vbscript:x']) {
      const res = await manager.api.post('/api/v1/companies', { name: 'Skript GmbH', website });
      expectProblem(res, 400, 'validation_failed');
      expect(res.body.errors[0].path).toContain('website');
    }
    for (const website of ['https://fenster-mueller.de', 'www.fenster-mueller.de', 'fenster-mueller.de:8080/shop']) {
      expect((await manager.api.post('/api/v1/companies', { name: `Fenster ${website}`, website })).status).toBe(201);
    }
  });

  it('strings, booleans and single values for numbers and lists in a JSON body', async () => {
    for (const body of [
      { title: 'X', amountCents: '1000' },
      { title: 'X', amountCents: true },
      { title: ['X'] },
      { title: 'X', tags: 'vip' },
    ]) {
      expectProblem(await manager.api.post('/api/v1/deals', body), 400, 'validation_failed');
    }
    // query strings are text: their numbers still work
    expect((await manager.api.get('/api/v1/deals?limit=5')).status).toBe(200);
  });

  it('payment dates: a real date, or a date-time with a zone (stored in UTC)', async () => {
    const deal = (await manager.api.post('/api/v1/deals', { title: 'Anzahlung', amountCents: 100_000 })).body;
    for (const paidAt of ['2026-13-45', '2026-02-30', '2026-11-20Tnonsense', '2026-11-20T10:00:00']) {
      const res = await manager.api.post(`/api/v1/deals/${deal.id}/payments`, { amountCents: 10, paidAt });
      expectProblem(res, 400, 'validation_failed');
    }
    expect((await dealRow(deal.id)).paidCents).toBe(0);
    const zoned = await manager.api.post(`/api/v1/deals/${deal.id}/payments`, {
      amountCents: 10,
      paidAt: '2026-11-20T10:00:00+01:00',
    });
    expect(zoned.body.paidAt).toBe('2026-11-20T09:00:00.000Z');
    const day = await manager.api.post(`/api/v1/deals/${deal.id}/payments`, { amountCents: 10, paidAt: '2026-11-21' });
    expect(day.body.paidAt).toBe('2026-11-21');
  });

  it('line-item quantities with up to 4 decimals (0.3 m², 1.15 h), not more', async () => {
    const deal = (await manager.api.post('/api/v1/deals', { title: 'Glas' })).body;
    for (const [quantity, net] of [
      [0.3, 30],
      [1.15, 115],
      [12.34, 1234],
      [0.0003, 0],
    ] as const) {
      const res = await manager.api.post(`/api/v1/deals/${deal.id}/line-items`, {
        description: 'Zuschnitt',
        quantity,
        unitPriceCents: 100,
        taxRate: 19,
      });
      expect(res.status, res.text).toBe(201);
      expect(res.body).toMatchObject({ quantity, netCents: net });
    }
    const tooFine = await manager.api.post(`/api/v1/deals/${deal.id}/line-items`, {
      description: 'Zu genau',
      quantity: 0.00001,
      unitPriceCents: 100,
    });
    expectProblem(tooFine, 400, 'validation_failed');
    expect(tooFine.body.errors[0].path).toBe('quantity');
    expect((await dealRow(deal.id)).amountCents).toBe(30 + 115 + 1234);
  });

  it('a POST without a body, even one labelled JSON, is an empty body', async () => {
    const task = (await manager.api.post('/api/v1/tasks', { title: 'Kurz anrufen' })).body;
    const res = await manager.api.request('POST', `/api/v1/tasks/${task.id}/complete`, undefined, {
      'content-type': 'application/json',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('done');
    const missing = await manager.api.request('POST', '/api/v1/deals', undefined, { 'content-type': 'application/json' });
    expectProblem(missing, 400, 'validation_failed');
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toContain('title');
  });
});

describe('files on disk', () => {
  it('the database holding password hashes and the token secret is readable by its owner only', () => {
    const file = path.join(t.dataDir, 'kontor.db');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(`${file}-wal`).mode & 0o077).toBe(0);
  });
});

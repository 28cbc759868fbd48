import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as reportsMigration from '../../migrations/20261128200000_reports.ts';
import { expectProblem } from '../support/problem.ts';
import { buildFixture, byKey, type Fixture, getReport, JAN_FEB, type Person, stageFigures } from './reports-fixture.ts';

// Report figures against the hand-worked fixture (reports-fixture.ts). Period: January and February
// 2026 in Berlin time, "now" is 2 March 2026 12:00 UTC. Teams: Nord = Hanna (head), Anna, Ben;
// Süd = Sven (head), Carla.

let f: Fixture;
beforeAll(async () => {
  f = await buildFixture();
}, 120_000);
afterAll(() => f.t.close());

const get = (who: Person, url: string) => getReport(f, who, url);

describe('funnel', () => {
  // First entries into each stage in Jan–Feb and whether the deal later reached a stage further right:
  // new: D1 D2 D3 D4 D5 D6 = 6, on: D1 D3 D4 D6 = 4 (D2, D5 lost)
  // qualified: D1 D3 D4 D6 = 4 (D1's second entry on 8 Jan is not counted again), on: D1 D3 D4 = 3
  // offer: D1 (7 Jan; back and forth, then won) D4 = 2, on: 2
  // negotiation: D3 = 1 (its reentry after reopening is not counted), on: 1 (won)
  // won: D1, D3 (first on 28 Jan), D4 = 3; lost: D2, D5 = 2
  // still won and closed in the period: D1 1 000 €, D3 3 000 € (won again 1 Feb Berlin), D4 5 000 € = 9 000 €;
  // lost D2 2 000 €, D5 1 500 € = 3 500 €; win rate 3 / 5
  it('counts first entries, conversion, won and lost for the admin', async () => {
    const body = await get('admin', `funnel?${JAN_FEB}`);
    expect(body.pipelineName).toBe('Vertrieb');
    expect(body.period).toEqual({ from: '2026-01-01', to: '2026-02-28', timeZone: 'Europe/Berlin' });
    expect(stageFigures(body)).toEqual({
      new: [6, 4],
      qualified: [4, 3],
      offer: [2, 2],
      negotiation: [1, 1],
      won: [3, null],
      lost: [2, null],
    });
    expect(body.stages.map((s: { conversionRate: number | null }) => s.conversionRate)).toEqual([0.6667, 0.75, 1, 1, null, null]);
    expect(body).toMatchObject({ won: 3, lost: 2, winRate: 0.6, wonAmountCents: 900_000, lostAmountCents: 350_000 });
  });

  // Nord: D1 D2 D3 D5 D6. new 5 → on D1 D3 D6; qualified D1 D3 D6 → on D1 D3; offer D1; negotiation D3;
  // won D1 D3; lost D2 D5
  it('holds only the team for a head and only their own for a manager', async () => {
    const hanna = await get('hanna', `funnel?${JAN_FEB}`);
    expect(stageFigures(hanna)).toEqual({
      new: [5, 3],
      qualified: [3, 2],
      offer: [1, 1],
      negotiation: [1, 1],
      won: [2, null],
      lost: [2, null],
    });
    expect(hanna).toMatchObject({ won: 2, lost: 2, winRate: 0.5, wonAmountCents: 400_000 });
    const anna = await get('anna', `funnel?${JAN_FEB}`);
    expect(stageFigures(anna)).toEqual({
      new: [2, 1],
      qualified: [1, 1],
      offer: [1, 1],
      negotiation: [0, 0],
      won: [1, null],
      lost: [1, null],
    });
    const sven = await get('sven', `funnel?${JAN_FEB}`);
    expect(sven).toMatchObject({ won: 1, lost: 0, winRate: 1, wonAmountCents: 500_000 });
    // a manager asking for someone else's figures gets none
    const annaAsksBen = await get('anna', `funnel?${JAN_FEB}&userId=${f.ids.ben}`);
    expect(annaAsksBen.stages[0].entered).toBe(0);
    // the admin narrowed to team Süd sees Carla's D4 only
    const sued = await get('admin', `funnel?${JAN_FEB}&teamId=${f.teams.sued}`);
    expect(stageFigures(sued).new).toEqual([1, 1]);
  });

  it('keeps a moved deal live: a new stage change counts at once', async () => {
    // in March only D7 (created 2 Mar in Neu, moved to Angebot) entered stages
    const before = await get('admin', 'funnel?from=2026-03-01&to=2026-03-31');
    expect(stageFigures(before).new).toEqual([1, 1]);
    expect(stageFigures(before).offer).toEqual([1, 0]);
  });
});

describe('revenue', () => {
  // Won in Jan–Feb: Anna D1 1 000 €, Ben D3 3 000 €, Carla D4 5 000 €; Hanna and Sven nothing
  it('by user with targets', async () => {
    const body = await get('admin', `revenue?groupBy=user&${JAN_FEB}`);
    expect(body.rows.map((r: { label: string }) => r.label)).toEqual([
      'Carla Süd',
      'Ben Nord',
      'Anna Nord',
      'Hanna Head',
      'Sven Süd',
    ]);
    const rows = byKey(body.rows, 'userId');
    expect(rows[f.ids.anna]).toMatchObject({ wonCount: 1, wonAmountCents: 100_000, targetCents: 250_000, attainment: 0.4 });
    expect(rows[f.ids.ben]).toMatchObject({ wonCount: 1, wonAmountCents: 300_000, targetCents: 300_000, attainment: 1 });
    expect(rows[f.ids.carla]).toMatchObject({ wonCount: 1, wonAmountCents: 500_000, targetCents: null, attainment: null });
    expect(rows[f.ids.hanna]).toMatchObject({ wonCount: 0, wonAmountCents: 0, targetCents: null });
    expect(body.total).toEqual({ wonCount: 3, wonAmountCents: 900_000, targetCents: 550_000, attainment: 1.6364 });
  });

  // D3 was won (again) on 31 Jan 23:30 UTC = 1 Feb 00:30 in Berlin: February
  it('by month in Berlin time with the targets of the month', async () => {
    const body = await get('admin', `revenue?groupBy=month&${JAN_FEB}`);
    expect(body.rows.map((r: Record<string, unknown>) => [r.month, r.wonCount, r.wonAmountCents, r.targetCents])).toEqual([
      ['2026-01', 1, 100_000, 150_000],
      ['2026-02', 2, 800_000, 400_000],
    ]);
    expect(body.rows[1].attainment).toBe(2);
    const feb = await get('admin', 'revenue?groupBy=month&from=2026-02-01&to=2026-02-28');
    expect(feb.total).toMatchObject({ wonCount: 2, wonAmountCents: 800_000 });
  });

  it('by month for a head and by user for a manager', async () => {
    const hanna = await get('hanna', `revenue?groupBy=month&${JAN_FEB}`);
    expect(hanna.rows.map((r: Record<string, unknown>) => [r.month, r.wonAmountCents, r.targetCents])).toEqual([
      ['2026-01', 100_000, 150_000],
      ['2026-02', 300_000, 400_000],
    ]);
    const sven = await get('sven', `revenue?groupBy=user&${JAN_FEB}`);
    expect(sven.rows.map((r: { label: string }) => r.label)).toEqual(['Carla Süd', 'Sven Süd']);
    const anna = await get('anna', `revenue?groupBy=user&${JAN_FEB}`);
    expect(anna.rows).toHaveLength(1);
    expect(anna.rows[0]).toMatchObject({ userId: f.ids.anna, wonAmountCents: 100_000, targetCents: 250_000 });
  });

  it('targets: heads set their team’s, nobody else’s; managers none; a refusal writes nothing', async () => {
    const hanna = await f.as('hanna');
    expectProblem(
      await hanna.request('PUT', '/api/v1/reports/targets', {
        targets: [
          { userId: f.ids.ben, month: '2026-04', amountCents: 1 },
          { userId: f.ids.carla, month: '2026-04', amountCents: 1 },
        ],
      }),
      403,
      'forbidden',
    );
    const april = (await (await f.as('admin')).get('/api/v1/reports/targets?from=2026-04&to=2026-04')).body;
    expect(april.data).toEqual([]);
    const ok = await hanna.request('PUT', '/api/v1/reports/targets', {
      targets: [{ userId: f.ids.ben, month: '2026-04', amountCents: 200_000 }],
    });
    expect(ok.body.data).toEqual([{ userId: f.ids.ben, userName: 'Ben Nord', month: '2026-04', amountCents: 200_000 }]);
    expectProblem(
      await (await f.as('anna')).request('PUT', '/api/v1/reports/targets', {
        targets: [{ userId: f.ids.anna, month: '2026-04', amountCents: 1 }],
      }),
      403,
      'forbidden',
    );
    // null removes; a head lists only the team's targets
    await hanna.request('PUT', '/api/v1/reports/targets', {
      targets: [{ userId: f.ids.ben, month: '2026-04', amountCents: null }],
    });
    const listed = (await hanna.get('/api/v1/reports/targets?from=2026-01&to=2026-12')).body.data;
    expect(listed.map((x: { userName: string; month: string }) => `${x.userName} ${x.month}`)).toEqual([
      'Anna Nord 2026-01',
      'Anna Nord 2026-02',
      'Ben Nord 2026-02',
    ]);
  });
});

describe('response time', () => {
  // Leads created in Jan–Feb and their first contact: D1 10 min (call), D2 30 min (task on its contact
  // completed), D3 120 min (e-mail), D4 1 800 min (call after 30 h), D5 never (only a note), D6 300 min.
  // Contacted [10, 30, 120, 300, 1800]: median 120, average 2260 / 5 = 452, p90 (rank 5 of 5) 1800.
  it('median, average, p90 and the distribution', async () => {
    const body = await get('admin', `response-time?${JAN_FEB}`);
    expect(body).toMatchObject({ leads: 6, contacted: 5, never: 1, medianMinutes: 120, averageMinutes: 452, p90Minutes: 1800 });
    expect(body.buckets.map((b: { key: string; count: number }) => [b.key, b.count])).toEqual([
      ['under15m', 1],
      ['15to60m', 1],
      ['1to4h', 1],
      ['4to24h', 1],
      ['over24h', 1],
      ['never', 1],
    ]);
    expect(body.buckets[0].share).toBe(0.1667);
    const users = byKey(body.byUser, 'userId');
    // Anna [10, 30]: median 20, p90 rank 2 → 30; Ben [120] and one never
    expect(users[f.ids.anna]).toMatchObject({ leads: 2, contacted: 2, medianMinutes: 20, averageMinutes: 20, p90Minutes: 30 });
    expect(users[f.ids.ben]).toMatchObject({ leads: 2, contacted: 1, never: 1, medianMinutes: 120 });
    expect(users[f.ids.sven]).toMatchObject({ leads: 0, medianMinutes: null });
  });

  // Nord: [10, 30, 120, 300] and D5 never: median (30 + 120) / 2 = 75, average 115, p90 rank 4 → 300
  it('for a head and a manager', async () => {
    const hanna = await get('hanna', `response-time?${JAN_FEB}`);
    expect(hanna).toMatchObject({ leads: 5, contacted: 4, never: 1, medianMinutes: 75, averageMinutes: 115, p90Minutes: 300 });
    expect(hanna.byUser.map((u: { userName: string }) => u.userName)).toEqual(['Anna Nord', 'Ben Nord', 'Hanna Head']);
    const anna = await get('anna', `response-time?${JAN_FEB}`);
    expect(anna).toMatchObject({ leads: 2, contacted: 2, medianMinutes: 20 });
  });

  it('follows later changes: a deleted first call, a call logged afterwards', async () => {
    const ben = await f.as('ben');
    // a call on D5 logged now, back-dated to 3 h after D5 was created (12 Jan 08:00)
    const call = await ben.post('/api/v1/activities', { type: 'call', dealId: f.ids.d5, occurredAt: '2026-01-12T11:00:00.000Z' });
    expect(call.status).toBe(201);
    let body = await get('admin', `response-time?${JAN_FEB}`);
    expect(body).toMatchObject({ contacted: 6, never: 0 });
    expect(byKey(body.byUser, 'userId')[f.ids.ben]).toMatchObject({ contacted: 2, medianMinutes: 150 });
    await ben.delete(`/api/v1/activities/${call.body.id}`);
    body = await get('admin', `response-time?${JAN_FEB}`);
    expect(body).toMatchObject({ contacted: 5, never: 1, medianMinutes: 120 });
  });
});

describe('summary tables', () => {
  it('built from scratch by the migration, they give the figures the triggers kept', async () => {
    const urls = [
      `funnel?${JAN_FEB}`,
      `response-time?${JAN_FEB}`,
      `sources?${JAN_FEB}`,
      `time-in-stage?${JAN_FEB}`,
      `funnel?from=2026-03-01&to=2026-03-31`,
    ];
    const before = await Promise.all(urls.map((u) => get('admin', u)));
    await f.t.database.db
      .withoutPlugins()
      .transaction()
      .execute(async (trx) => {
        await reportsMigration.down(trx);
        await reportsMigration.up(trx);
      });
    expect(await Promise.all(urls.map((u) => get('admin', u)))).toEqual(before);
  });

  it('follow a deal that changes hands or is deleted', async () => {
    const admin = await f.as('admin');
    await admin.patch(`/api/v1/deals/${f.ids.d5}`, { ownerId: f.ids.carla });
    expect(stageFigures(await get('sven', `funnel?${JAN_FEB}`)).new).toEqual([2, 1]);
    expect((await get('sven', `response-time?${JAN_FEB}`)).leads).toBe(2);
    expect(await admin.delete(`/api/v1/deals/${f.ids.d5}`).then((r) => r.status)).toBe(204);
    expect(stageFigures(await get('admin', `funnel?${JAN_FEB}`)).new).toEqual([5, 4]);
    expect((await get('admin', `sources?${JAN_FEB}`)).total.leads).toBe(5);
  });
});

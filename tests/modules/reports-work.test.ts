import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/problem.ts';
import { buildFixture, byKey, type Fixture, getReport, JAN_FEB, type Person } from './reports-fixture.ts';

// More report figures against the hand-worked fixture (reports-fixture.ts), files and bad parameters. Period: January and February
// 2026 in Berlin time, "now" is 2 March 2026 12:00 UTC. Teams: Nord = Hanna (head), Anna, Ben;
// Süd = Sven (head), Carla.

let f: Fixture;
beforeAll(async () => {
  f = await buildFixture();
}, 120_000);
afterAll(() => f.t.close());

const get = (who: Person, url: string) => getReport(f, who, url);

describe('tasks and activity', () => {
  // Now 2 Mar 12:00 UTC. Anna: T2 open overdue, T3 open due today 16:00 Berlin, T1 done on time (Jan).
  // Ben: T4 open overdue, T5 done a day late, T6 canceled. Carla: T7 open, due 10 Mar.
  it('tasks per employee', async () => {
    const body = await get('admin', `tasks?groupBy=user&${JAN_FEB}`);
    const figures = body.rows.map((r: Record<string, unknown>) => [
      r.userName,
      r.open,
      r.overdue,
      r.dueToday,
      r.done,
      r.doneLate,
      r.canceled,
    ]);
    expect(figures).toEqual([
      ['Anna Nord', 2, 1, 1, 1, 0, 0],
      ['Ben Nord', 1, 1, 0, 1, 1, 1],
      ['Carla Süd', 1, 0, 0, 0, 0, 0],
      ['Hanna Head', 0, 0, 0, 0, 0, 0],
      ['Sven Süd', 0, 0, 0, 0, 0, 0],
    ]);
    expect(body.total).toEqual({ open: 4, overdue: 2, dueToday: 1, done: 2, doneLate: 1, canceled: 1 });
    const sven = await get('sven', `tasks?${JAN_FEB}`);
    expect(sven.rows.map((r: { userName: string }) => r.userName)).toEqual(['Carla Süd', 'Sven Süd']);
    const ben = await get('ben', `tasks?${JAN_FEB}`);
    expect(ben.total).toEqual({ open: 1, overdue: 1, dueToday: 0, done: 1, doneLate: 1, canceled: 1 });
  });

  // Jan–Feb by author: Anna 2 calls (one on C1 before D1 existed), Ben an e-mail and a note, Carla a call,
  // Hanna an e-mail (Feb); Carla's meeting on 2 Mar is outside
  it('activities per employee and type, and per month', async () => {
    const body = await get('admin', `activity?groupBy=user&${JAN_FEB}`);
    const rows = byKey(body.rows, 'userId');
    expect(rows[f.ids.anna]).toMatchObject({ call: 2, email: 0, meeting: 0, note: 0, total: 2 });
    expect(rows[f.ids.ben]).toMatchObject({ call: 0, email: 1, note: 1, total: 2 });
    expect(rows[f.ids.carla]).toMatchObject({ call: 1, total: 1 });
    expect(rows[f.ids.hanna]).toMatchObject({ email: 1, total: 1 });
    expect(rows[f.ids.sven]).toMatchObject({ total: 0 });
    expect(body.total).toEqual({ call: 3, email: 2, meeting: 0, note: 1, total: 6 });
    const months = await get('admin', `activity?groupBy=month&${JAN_FEB}`);
    expect(months.rows.map((r: Record<string, unknown>) => [r.month, r.call, r.email, r.note, r.total])).toEqual([
      ['2026-01', 3, 1, 1, 5],
      ['2026-02', 0, 1, 0, 1],
    ]);
    const hanna = await get('hanna', `activity?${JAN_FEB}`);
    expect(hanna.total).toEqual({ call: 2, email: 2, meeting: 0, note: 1, total: 5 });
    const carla = await get('carla', `activity?${JAN_FEB}`);
    expect(carla.rows.map((r: { userName: string; total: number }) => [r.userName, r.total])).toEqual([['Carla Süd', 1]]);
  });
});

describe('forecast, pipeline, sources, time in stage, lost reasons', () => {
  // Open now: D6 Qualifiziert (25 %) 4 000 € closing 15 Mar; D7 Angebot (50 %) 2 500 € closing 10 Apr
  it('forecast by close month and the open pipeline', async () => {
    const body = await get('admin', 'forecast');
    expect(body.rows).toEqual([
      { month: '2026-03', count: 1, amountCents: 400_000, weightedCents: 100_000 },
      { month: '2026-04', count: 1, amountCents: 250_000, weightedCents: 125_000 },
    ]);
    expect(body.total).toEqual({ count: 2, amountCents: 650_000, weightedCents: 225_000 });
    expect((await get('hanna', 'forecast')).total).toEqual({ count: 1, amountCents: 400_000, weightedCents: 100_000 });
    expect((await get('admin', 'forecast?from=2026-04-01')).total.count).toBe(1);
    const pipeline = await get('admin', 'pipeline');
    expect(pipeline.rows.map((r: Record<string, unknown>) => [r.key, r.count, r.amountCents, r.weightedCents])).toEqual([
      ['new', 0, 0, 0],
      ['qualified', 1, 400_000, 100_000],
      ['offer', 1, 250_000, 125_000],
      ['negotiation', 0, 0, 0],
    ]);
  });

  // Created Jan–Feb: website D1 (won) D3 (won) D5 (lost); D2 from its contact: empfehlung (lost);
  // messe D4 (won); D6 none (open)
  it('lead sources with conversion, the contact’s source as fallback', async () => {
    const body = await get('admin', `sources?${JAN_FEB}`);
    expect(
      body.rows.map((r: Record<string, unknown>) => [r.source, r.leads, r.won, r.lost, r.wonAmountCents, r.conversionRate]),
    ).toEqual([
      ['website', 3, 2, 1, 400_000, 0.6667],
      ['empfehlung', 1, 0, 1, 0, 0],
      ['messe', 1, 1, 0, 500_000, 1],
      [null, 1, 0, 0, 0, 0],
    ]);
    expect(body.total).toEqual({ leads: 6, open: 1, won: 3, lost: 2, wonAmountCents: 900_000, conversionRate: 0.5 });
    // the contact's source changes: D2's lead source follows
    await (await f.as('anna')).patch(`/api/v1/contacts/${f.ids.c2}`, { source: 'partner' });
    const after = await get('anna', `sources?${JAN_FEB}`);
    expect(after.rows.map((r: { source: string }) => r.source)).toEqual(['partner', 'website']);
  });

  // Stays that ended in Jan–Feb, in days:
  // new: D1 1, D2 15, D3 1, D4 2, D5 21, D6 1 → average 41 / 6 = 6.8, median (1 + 2) / 2 = 1.5
  // qualified: D1 1 and 1 (back and forth), D3 7, D4 6 → average 3.75 → 3.8, median 3.5
  // offer: D1 1 and 3, D4 32 → average 12, median 3
  // negotiation: D3 14, then 2 d 15.5 h after reopening → average and median 8.3
  // now: D6 in Qualifiziert since 3 Feb 08:00 = 27.2 days; D7 in Angebot since 10:00 = 0.1 days
  it('time in stage', async () => {
    const body = await get('admin', `time-in-stage?${JAN_FEB}`);
    expect(
      body.rows.map((r: Record<string, unknown>) => [
        r.key,
        r.exits,
        r.averageDays,
        r.medianDays,
        r.current,
        r.currentAverageDays,
      ]),
    ).toEqual([
      ['new', 6, 6.8, 1.5, 0, null],
      ['qualified', 4, 3.8, 3.5, 1, 27.2],
      ['offer', 3, 12, 3, 1, 0.1],
      ['negotiation', 2, 8.3, 8.3, 0, null],
    ]);
    const anna = await get('anna', `time-in-stage?${JAN_FEB}`);
    expect(anna.rows.map((r: { exits: number }) => r.exits)).toEqual([2, 2, 2, 0]);
  });

  it('lost reasons', async () => {
    const body = await get('admin', `lost-reasons?${JAN_FEB}`);
    expect(body.rows).toEqual([
      { reason: 'Kein Bedarf mehr', count: 1, amountCents: 150_000, share: 0.5 },
      { reason: 'Zu teuer', count: 1, amountCents: 200_000, share: 0.5 },
    ]);
    expect(body.total).toEqual({ count: 2, amountCents: 350_000 });
    expect((await get('ben', `lost-reasons?${JAN_FEB}`)).rows.map((r: { reason: string }) => r.reason)).toEqual([
      'Kein Bedarf mehr',
    ]);
  });
});

describe('files and bad parameters', () => {
  it('answers CSV with Accept: text/csv — BOM, semicolons, German numbers', async () => {
    const res = await (await f.as('admin')).get(`/api/v1/reports/revenue?groupBy=user&${JAN_FEB}`, { accept: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(res.headers['content-disposition'])).toBe('attachment; filename="bericht-revenue.csv"');
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(res.text.slice(1), { delimiter: ';' }) as string[][];
    expect(rows[0]).toEqual(['Mitarbeiter', 'Gewonnene Deals', 'Umsatz netto', 'Ziel', 'Zielerreichung (%)']);
    expect(rows.slice(1)).toEqual([
      ['Carla Süd', '1', '5000,00', '', ''],
      ['Ben Nord', '1', '3000,00', '3000,00', '100'],
      ['Anna Nord', '1', '1000,00', '2500,00', '40'],
      ['Hanna Head', '0', '0,00', '', ''],
      ['Sven Süd', '0', '0,00', '', ''],
    ]);
  });

  it('neutralises formula-like cells and answers English and XLSX on request', async () => {
    const api = await f.as('admin');
    const csv = await api.get('/api/v1/reports/sources?from=2026-03-01&to=2026-03-31&format=csv&lang=en');
    const rows = parse(csv.text.slice(1), { delimiter: ';' }) as string[][];
    expect(rows[0]?.[0]).toBe('Source');
    expect(rows[1]?.[0]).toBe(`'=HYPERLINK("http://x")`);
    const xlsx = await f.t.app.inject({
      method: 'GET',
      url: `/api/v1/reports/tasks?${JAN_FEB}&format=xlsx`,
      headers: { authorization: `Bearer ${api.token}` },
    });
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('Aufgaben');
    expect(sheet.getRow(2).values).toEqual([undefined, 'Anna Nord', 2, 1, 1, 1, 0, 0]);
  });

  it('refuses bad parameters with a problem naming them', async () => {
    const api = await f.as('admin');
    const cases: [string, string][] = [
      ['revenue?groupBy=team', 'querystring.groupBy'],
      ['funnel?from=2026-02-30', 'querystring.from'],
      ['activity?to=gestern', 'querystring.to'],
      ['funnel?from=2026-03-01&to=2026-02-01', 'from'],
      ['funnel?pipelineId=nope', 'pipelineId'],
      ['tasks?teamId=nope', 'teamId'],
      ['sources?colour=red', 'querystring.colour'],
      ['forecast?from=2026-05-01&to=2026-04-01', 'from'],
    ];
    for (const [url, path] of cases) {
      const res = await api.get(`/api/v1/reports/${url}`);
      expectProblem(res, 400, 'validation_failed');
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        url,
      ).toContain(path);
    }
    expectProblem(await f.t.app.inject({ method: 'GET', url: '/api/v1/reports/funnel' }).then(asResponse), 401, 'unauthorized');
  });
});

function asResponse(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  return { status: res.statusCode, headers: res.headers, body: JSON.parse(res.body) };
}

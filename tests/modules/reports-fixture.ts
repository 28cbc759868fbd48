import { expect } from 'vitest';
import { ManualClock } from '../../server/core/clock.ts';
import type { Api } from '../support/api.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createTeam, login, PASSWORD, setupAdmin } from '../support/factories.ts';

// The reports fixture: two teams, deals moved back and forth, reopened, won in different months (one
// across a month boundary in Berlin time), lost with reasons, activities and tasks. Every figure the
// tests expect is worked out by hand in reports.test.ts. Times are UTC; Berlin is UTC+1 in winter.

export const NOW = '2026-03-02T12:00:00.000Z';
export const JAN_FEB = 'from=2026-01-01&to=2026-02-28';

export type Person = 'admin' | 'hanna' | 'anna' | 'ben' | 'sven' | 'carla';

export interface Fixture {
  t: TestApp;
  as: (who: Person) => Promise<Api>;
  ids: Record<Person, string> & Record<string, string>;
  teams: { nord: string; sued: string };
  stages: Record<string, string>;
}

const DAY = 86_400_000;

export async function buildFixture(env: Record<string, string> = {}): Promise<Fixture> {
  const clock = new ManualClock('2026-01-02T07:00:00.000Z');
  const t = await buildTestApp({ clock, env: { KONTOR_SESSION_HOURS: '720', ...env } });
  const admin = await setupAdmin(t);
  const nord = await createTeam(admin, { name: 'Nord' });
  const sued = await createTeam(admin, { name: 'Süd' });
  const ids = { admin: admin.user.id } as Fixture['ids'];
  const emails: Record<string, string> = { admin: 'admin@example.de' };
  const people: [Person, string, string, string][] = [
    ['hanna', 'Hanna Head', 'head', nord.id],
    ['anna', 'Anna Nord', 'manager', nord.id],
    ['ben', 'Ben Nord', 'manager', nord.id],
    ['sven', 'Sven Süd', 'head', sued.id],
    ['carla', 'Carla Süd', 'manager', sued.id],
  ];
  for (const [key, name, role, teamId] of people) {
    emails[key] = `${key}@example.de`;
    const res = await admin.api.post('/api/v1/users', { name, email: emails[key], password: PASSWORD, role, teamId });
    expect(res.status, res.text).toBe(201);
    ids[key] = res.body.id;
  }
  await admin.api.patch(`/api/v1/teams/${nord.id}`, { headId: ids.hanna });
  await admin.api.patch(`/api/v1/teams/${sued.id}`, { headId: ids.sven });

  // sessions last 30 days here; after that a fresh login
  const sessions = new Map<Person, { api: Api; at: number }>();
  const as = async (who: Person) => {
    const now = clock.now().getTime();
    const cached = sessions.get(who);
    if (cached && now - cached.at < 20 * DAY) return cached.api;
    const session = await login(t, emails[who] as string);
    sessions.set(who, { api: session.api, at: now });
    return session.api;
  };
  const at = (iso: string) => clock.set(iso);
  const ok = (res: { status: number; text: string; body: any }) => {
    expect(res.status, res.text).toBeLessThan(300);
    return res.body;
  };
  const pipeline = ok(await admin.api.get('/api/v1/pipelines')).data[0];
  const stages: Record<string, string> = Object.fromEntries(
    pipeline.stages.map((s: { key: string; id: string }) => [s.key, s.id]),
  );
  const move = async (who: Person, deal: string, when: string, body: Record<string, unknown>) => {
    at(when);
    ok(await (await as(who)).patch(`/api/v1/deals/${ids[deal]}`, body));
  };
  const deal = async (who: Person, key: string, when: string, body: Record<string, unknown>) => {
    at(when);
    ids[key] = ok(await (await as(who)).post('/api/v1/deals', body)).id;
  };
  const activity = async (who: Person, when: string, body: Record<string, unknown>) => {
    at(when);
    ok(await (await as(who)).post('/api/v1/activities', { occurredAt: when, ...body }));
  };

  at('2026-01-02T07:00:00.000Z');
  ids.c1 = ok(await (await as('anna')).post('/api/v1/contacts', { firstName: 'C1', lastName: 'Kunde', source: 'messe' })).id;
  ids.c2 = ok(await (await as('anna')).post('/api/v1/contacts', { firstName: 'C2', lastName: 'Kunde', source: 'empfehlung' })).id;
  // a call on C1 before D1 exists: counts as activity, not as D1's first contact
  await activity('anna', '2026-01-02T09:00:00.000Z', { type: 'call', contactId: ids.c1 });

  // D1 Anna 1 000 €: Neu → Qualifiziert → Angebot → back to Qualifiziert → Angebot → Gewonnen (12 Jan)
  await deal('anna', 'd1', '2026-01-05T08:00:00.000Z', {
    title: 'D1',
    amountCents: 100_000,
    source: 'website',
    contactId: ids.c1,
  });
  await activity('anna', '2026-01-05T08:10:00.000Z', { type: 'call', dealId: ids.d1 });
  await move('anna', 'd1', '2026-01-06T08:00:00.000Z', { stageId: stages.qualified });
  await move('anna', 'd1', '2026-01-07T08:00:00.000Z', { stageId: stages.offer });
  await move('anna', 'd1', '2026-01-08T08:00:00.000Z', { stageId: stages.qualified });
  await move('anna', 'd1', '2026-01-09T08:00:00.000Z', { stageId: stages.offer });
  await move('anna', 'd1', '2026-01-12T08:00:00.000Z', { stageId: stages.won });

  // D2 Anna 2 000 €, source from contact C2; first contact: a task on C2 completed after 30 min; lost 20 Jan
  await deal('anna', 'd2', '2026-01-05T09:00:00.000Z', { title: 'D2', amountCents: 200_000, contactId: ids.c2 });
  at('2026-01-05T09:05:00.000Z');
  const t1 = ok(
    await (await as('anna')).post('/api/v1/tasks', {
      title: 'T1 Rückruf',
      type: 'call',
      dueAt: '2026-01-05T10:00:00.000Z',
      contactId: ids.c2,
    }),
  );
  at('2026-01-05T09:30:00.000Z');
  ok(await (await as('anna')).post(`/api/v1/tasks/${t1.id}/complete`, {}));
  await move('anna', 'd2', '2026-01-20T08:00:00.000Z', { stageId: stages.lost, lostReason: 'Zu teuer' });

  // D3 Ben 3 000 €: e-mail after 2 h; Neu → Qualifiziert → Verhandlung → won 28 Jan → reopened 29 Jan →
  // won again 31 Jan 23:30 UTC, which is 1 Feb 00:30 in Berlin
  await deal('ben', 'd3', '2026-01-06T08:00:00.000Z', { title: 'D3', amountCents: 300_000, source: 'website' });
  await activity('ben', '2026-01-06T10:00:00.000Z', { type: 'email', dealId: ids.d3 });
  await move('ben', 'd3', '2026-01-07T08:00:00.000Z', { stageId: stages.qualified });
  await move('ben', 'd3', '2026-01-14T08:00:00.000Z', { stageId: stages.negotiation });
  await move('ben', 'd3', '2026-01-28T08:00:00.000Z', { stageId: stages.won });
  await move('ben', 'd3', '2026-01-29T08:00:00.000Z', { status: 'open' });
  await move('ben', 'd3', '2026-01-31T23:30:00.000Z', { stageId: stages.won });

  // D4 Carla 5 000 €: first call after 30 h; Neu → Qualifiziert → Angebot → won 16 Feb
  await deal('carla', 'd4', '2026-01-07T08:00:00.000Z', { title: 'D4', amountCents: 500_000, source: 'messe' });
  await activity('carla', '2026-01-08T14:00:00.000Z', { type: 'call', dealId: ids.d4 });
  await move('carla', 'd4', '2026-01-09T08:00:00.000Z', { stageId: stages.qualified });
  await move('carla', 'd4', '2026-01-15T08:00:00.000Z', { stageId: stages.offer });
  await move('carla', 'd4', '2026-02-16T08:00:00.000Z', { stageId: stages.won });

  // D5 Ben 1 500 €: only a note (not a contact), lost 2 Feb
  await deal('ben', 'd5', '2026-01-12T08:00:00.000Z', { title: 'D5', amountCents: 150_000, source: 'website' });
  await activity('ben', '2026-01-12T09:00:00.000Z', { type: 'note', dealId: ids.d5, body: 'Notiz' });
  await move('ben', 'd5', '2026-02-02T08:00:00.000Z', { stageId: stages.lost, lostReason: 'Kein Bedarf mehr' });

  // D6 Hanna 4 000 €, no source: e-mail after 5 h; Qualifiziert from 3 Feb, expected to close 15 Mar
  await deal('hanna', 'd6', '2026-02-02T08:00:00.000Z', {
    title: 'D6',
    amountCents: 400_000,
    expectedCloseDate: '2026-03-15',
  });
  await activity('hanna', '2026-02-02T13:00:00.000Z', { type: 'email', dealId: ids.d6 });
  await move('hanna', 'd6', '2026-02-03T08:00:00.000Z', { stageId: stages.qualified });

  // tasks of the task report (no records attached: they are nobody's first contact)
  const task = async (who: Person, when: string, title: string, dueAt: string) => {
    at(when);
    return ok(await (await as(who)).post('/api/v1/tasks', { title, type: 'todo', dueAt })).id as string;
  };
  await task('anna', '2026-02-10T08:00:00.000Z', 'T2 überfällig', '2026-02-20T08:00:00.000Z');
  await task('anna', '2026-02-10T08:00:00.000Z', 'T3 heute', '2026-03-02T15:00:00.000Z');
  await task('ben', '2026-02-10T08:00:00.000Z', 'T4 überfällig', '2026-02-25T08:00:00.000Z');
  const t5 = await task('ben', '2026-02-09T08:00:00.000Z', 'T5 spät', '2026-02-10T08:00:00.000Z');
  at('2026-02-11T08:00:00.000Z');
  ok(await (await as('ben')).post(`/api/v1/tasks/${t5}/complete`, {}));
  const t6 = await task('ben', '2026-02-09T08:00:00.000Z', 'T6 abgebrochen', '2026-02-20T08:00:00.000Z');
  at('2026-02-12T08:00:00.000Z');
  ok(await (await as('ben')).patch(`/api/v1/tasks/${t6}`, { status: 'canceled' }));
  await task('carla', '2026-02-10T08:00:00.000Z', 'T7 später', '2026-03-10T08:00:00.000Z');

  // March, outside January and February: D7 Carla 2 500 € in Angebot, a meeting
  await deal('carla', 'd7', '2026-03-02T09:00:00.000Z', {
    title: 'D7',
    amountCents: 250_000,
    source: '=HYPERLINK("http://x")',
    expectedCloseDate: '2026-04-10',
  });
  await activity('carla', '2026-03-02T09:30:00.000Z', { type: 'meeting', dealId: ids.d7 });
  await move('carla', 'd7', '2026-03-02T10:00:00.000Z', { stageId: stages.offer });

  at(NOW);
  // Targets: Anna Jan 1 500 € + Feb 1 000 €, Ben Feb 3 000 €, Carla Mar 9,99 € (outside Jan–Feb)
  const targets = await (await as('admin')).request('PUT', '/api/v1/reports/targets', {
    targets: [
      { userId: ids.anna, month: '2026-01', amountCents: 150_000 },
      { userId: ids.anna, month: '2026-02', amountCents: 100_000 },
      { userId: ids.ben, month: '2026-02', amountCents: 300_000 },
      { userId: ids.carla, month: '2026-03', amountCents: 999 },
    ],
  });
  expect(ok(targets).data).toHaveLength(4);
  return { t, as, ids, teams: { nord: nord.id, sued: sued.id }, stages };
}

/** GET a report as someone and expect 200. */
export async function getReport(f: Fixture, who: Person, url: string) {
  const res = await (await f.as(who)).get(`/api/v1/reports/${url}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

export const byKey = <T extends Record<string, unknown>>(rows: T[], key: keyof T) =>
  Object.fromEntries(rows.map((r) => [r[key], r]));

export const stageFigures = (body: { stages: { key: string; entered: number; advanced: number | null }[] }) =>
  Object.fromEntries(body.stages.map((s) => [s.key, [s.entered, s.advanced]]));

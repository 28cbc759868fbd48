import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.ts';
import type { Api } from '../support/api.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createTeam, createUser, type Session, setupAdmin } from '../support/factories.ts';
import { expectProblem } from '../support/problem.ts';
import { startSmtpServer } from '../support/smtp.ts';

// The weekly summary to heads: a setting, a durable job per ISO week, an in-app notification and an
// e-mail (real SMTP server) in the head's language. Monday 30 Nov 2026 08:00 Berlin = 07:00 UTC.

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let admin: Session;
let hanna: Session;
let anna: Session;
let sven: Session;
let carla: Session;

const at = (iso: string) => t.clock.set(iso);
const ok = (res: { status: number; text: string; body: any }) => {
  expect(res.status, res.text).toBeLessThan(300);
  return res.body;
};
const weekly = async (api: Api) =>
  (await api.get('/api/v1/notifications')).body.data.filter((n: { kind: string }) => n.kind === 'report.weekly');

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await buildTestApp({
    clock: new ManualClock('2026-11-23T07:00:00.000Z'),
    env: { KONTOR_SMTP_URL: smtp.url, KONTOR_SESSION_HOURS: '720' },
  });
  admin = await setupAdmin(t);
  const nord = await createTeam(admin, { name: 'Nord' });
  const sued = await createTeam(admin, { name: 'Süd' });
  hanna = await createUser(t, admin, { name: 'Hanna Head', email: 'hanna@example.de', role: 'head', teamId: nord.id });
  anna = await createUser(t, admin, { name: 'Anna Nord', role: 'manager', teamId: nord.id });
  sven = await createUser(t, admin, {
    name: 'Sven South',
    email: 'sven@example.de',
    role: 'head',
    teamId: sued.id,
    locale: 'en',
  });
  carla = await createUser(t, admin, { name: 'Carla Süd', role: 'manager', teamId: sued.id });
  await admin.api.patch(`/api/v1/teams/${nord.id}`, { headId: hanna.user.id });
  await admin.api.patch(`/api/v1/teams/${sued.id}`, { headId: sven.user.id });
  const stages = (await admin.api.get('/api/v1/pipelines')).body.data[0].stages as { key: string; id: string }[];
  const won = stages.find((s) => s.key === 'won')?.id;

  // the week of 23–29 Nov: Anna wins 1 234,56 € and gets a second lead she calls after 20 min; an
  // overdue task. Carla wins 5 000 €. Before that week: a deal won on 20 Nov, not counted.
  at('2026-11-20T10:00:00.000Z');
  const old = ok(await anna.api.post('/api/v1/deals', { title: 'Alt', amountCents: 999_900 }));
  ok(await anna.api.patch(`/api/v1/deals/${old.id}`, { stageId: won }));
  at('2026-11-24T09:00:00.000Z');
  const d1 = ok(await anna.api.post('/api/v1/deals', { title: 'Fenster', amountCents: 123_456 }));
  ok(await anna.api.post('/api/v1/tasks', { title: 'Angebot schicken', type: 'todo', dueAt: '2026-11-26T09:00:00.000Z' }));
  at('2026-11-25T15:00:00.000Z');
  ok(await anna.api.patch(`/api/v1/deals/${d1.id}`, { stageId: won }));
  const d2 = ok(await anna.api.post('/api/v1/deals', { title: 'Türen', amountCents: 50_000 }));
  at('2026-11-25T15:20:00.000Z');
  ok(await anna.api.post('/api/v1/activities', { type: 'call', dealId: d2.id }));
  at('2026-11-27T10:00:00.000Z');
  const d3 = ok(await carla.api.post('/api/v1/deals', { title: 'Wintergarten', amountCents: 500_000 }));
  ok(await carla.api.patch(`/api/v1/deals/${d3.id}`, { stageId: won }));
}, 120_000);

afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

describe('weekly summary to heads', () => {
  it('is off by default; only an admin switches it on; the next Monday 08:00 Berlin is scheduled', async () => {
    at('2026-11-29T12:00:00.000Z');
    expect((await hanna.api.get('/api/v1/settings/reports')).body).toEqual({
      weeklySummary: { enabled: false, weekday: 1, time: '08:00' },
      nextWeeklySummaryAt: null,
    });
    expectProblem(await hanna.api.patch('/api/v1/settings/reports', { weeklySummary: { enabled: true } }), 403, 'forbidden');
    expectProblem(
      await admin.api.patch('/api/v1/settings/reports', { weeklySummary: { time: '25:00' } }),
      400,
      'validation_failed',
    );
    const on = await admin.api.patch('/api/v1/settings/reports', { weeklySummary: { enabled: true } });
    expect(on.body).toEqual({
      weeklySummary: { enabled: true, weekday: 1, time: '08:00' },
      nextWeeklySummaryAt: '2026-11-30T07:00:00.000Z',
    });
  });

  it('sends each head their team’s week when it is due, once', async () => {
    at('2026-11-30T06:59:00.000Z');
    await t.app.scheduler.tick();
    expect(await weekly(hanna.api)).toHaveLength(0);

    at('2026-11-30T07:00:30.000Z');
    await t.app.scheduler.tick();
    const [note] = await weekly(hanna.api);
    expect(note.title).toMatch(/^Wochenbericht KW 48: 1 gewonnen \(1\.234,56\s€\), 2 neue Leads, 1 überfällig$/);
    expect(note.body).toBe('23.11.2026 – 29.11.2026');
    const [english] = await weekly(sven.api);
    expect(english.title).toMatch(/^Weekly summary W48: won 1 \(€5,000\.00\), new leads 1, overdue 0$/);
    // the same note follows its reader's language switch
    await hanna.api.patch('/api/v1/auth/me', { locale: 'en' });
    const [switched] = await weekly(hanna.api);
    expect(switched.title).toMatch(/^Weekly summary W48: won 1 \(€1,234\.56\), new leads 2, overdue 1$/);
    expect(switched.body).toBe('23/11/2026 – 29/11/2026');
    await hanna.api.patch('/api/v1/auth/me', { locale: 'de' });
    expect(await weekly(anna.api)).toHaveLength(0);

    const mail = await smtp.waitFor((m) => m.to.includes('hanna@example.de') && m.subject.startsWith('Wochenbericht'));
    expect(mail.subject).toBe('Wochenbericht KW 48: 1 gewonnen, 2 neue Leads');
    expect(mail.text).toContain('Hallo Hanna Head,');
    expect(mail.text).toMatch(/Gewonnen: +1, 1\.234,56\s€ netto/);
    expect(mail.text).toMatch(/Neue Leads: +2, davon kontaktiert: 1/);
    expect(mail.text).toMatch(/Reaktionszeit: +20 min/);
    expect(mail.text).toMatch(/Überfällige Aufgaben: +1/);
    expect(mail.text).toContain('/reports');
    const en = await smtp.waitFor((m) => m.to.includes('sven@example.de') && m.subject.startsWith('Weekly'));
    expect(en.subject).toBe('Weekly summary W48: won 1, new leads 1');
    expect(en.text).toMatch(/Won: +1, €5,000\.00 net/);

    // a second tick at the same time sends nothing more; next Monday is scheduled
    await t.app.scheduler.tick();
    expect(await weekly(hanna.api)).toHaveLength(1);
    expect((await admin.api.get('/api/v1/settings/reports')).body.nextWeeklySummaryAt).toBe('2026-12-07T07:00:00.000Z');
  });

  it('moves with the settings but never sends twice in one week', async () => {
    // Tuesday 09:00 would still be this week, whose summary went out: next week's Tuesday it is
    const moved = await admin.api.patch('/api/v1/settings/reports', { weeklySummary: { weekday: 2, time: '09:00' } });
    expect(moved.body.nextWeeklySummaryAt).toBe('2026-12-08T08:00:00.000Z');
    const off = await admin.api.patch('/api/v1/settings/reports', { weeklySummary: { enabled: false } });
    expect(off.body.nextWeeklySummaryAt).toBeNull();
    at('2026-12-08T08:30:00.000Z');
    await t.app.scheduler.tick();
    expect(await weekly(hanna.api)).toHaveLength(1);
    // on again: the canceled slot of that week comes back, due now; a lost slot is placed by the next tick
    const on = await admin.api.patch('/api/v1/settings/reports', { weeklySummary: { enabled: true, weekday: 3 } });
    expect(on.body.nextWeeklySummaryAt).toBe('2026-12-09T08:00:00.000Z');
    await t.database.db
      .deleteFrom('scheduledJobs')
      .where('kind', '=', 'reports.weekly')
      .where('status', '=', 'pending')
      .execute();
    await t.app.scheduler.tick();
    expect((await admin.api.get('/api/v1/settings/reports')).body.nextWeeklySummaryAt).toBe('2026-12-09T08:00:00.000Z');
    at('2026-12-09T08:00:00.000Z');
    await t.app.scheduler.tick();
    expect(await weekly(hanna.api)).toHaveLength(2);
  });
});

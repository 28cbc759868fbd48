import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createTeam, createUser, login, type Session, setupAdmin } from '../support/factories.ts';
import { expectProblem } from '../support/problem.ts';
import { startSmtpServer } from '../support/smtp.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let admin: Session;
let head: Session;
let manager: Session;
let measurer: Session;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await buildTestApp({ env: { KONTOR_SMTP_URL: smtp.url, KONTOR_PUBLIC_URL: 'https://crm.example.de' } });
  t.clock.set('2026-11-26T09:00:00.000Z');
  admin = await setupAdmin(t);
  const team = await createTeam(admin, { name: 'Vertrieb' });
  head = await createUser(t, admin, { role: 'head', teamId: team.id, name: 'Sabine Hoffmann', email: 'sabine@example.de' });
  await admin.api.patch(`/api/v1/teams/${team.id}`, { headId: head.user.id });
  manager = await createUser(t, admin, { role: 'manager', teamId: team.id, name: 'Thomas Becker', email: 'thomas@example.de' });
  measurer = await createUser(t, admin, { role: 'specialist', name: 'Markus Schulz', email: 'markus@example.de' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function relogin() {
  admin = await login(t, 'admin@example.de');
  head = await login(t, 'sabine@example.de');
  manager = await login(t, 'thomas@example.de');
  measurer = await login(t, 'markus@example.de');
}

const notificationsOf = async (s: Session) => (await s.api.get('/api/v1/notifications')).body;

describe('tasks', () => {
  it('a call task gets its due time from the SLA (15 minutes) and is in "my tasks"', async () => {
    const res = await manager.api.post('/api/v1/tasks', { title: 'Kunden anrufen', type: 'call' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      type: 'call',
      assigneeId: manager.user.id,
      status: 'open',
      dueAt: '2026-11-26T09:15:00.000Z',
      reminderMinutes: 5,
      overdue: false,
    });
    const mine = await manager.api.get('/api/v1/tasks?mine=true&due=today');
    expect(mine.body.data.map((x: { id: string }) => x.id)).toContain(res.body.id);
    expectProblem(await manager.api.post('/api/v1/tasks', { title: 'X', type: 'nope' }), 422, 'unprocessable');
    expectProblem(await manager.api.post('/api/v1/tasks', { title: 'X', dealId: 'nope' }), 422, 'unprocessable');
    await manager.api.delete(`/api/v1/tasks/${res.body.id}`);
  });

  it('reminds before due and escalates to the head exactly once when it expires (moved clock)', async () => {
    const task = (
      await manager.api.post('/api/v1/tasks', {
        title: 'Rückruf Familie Wagner',
        type: 'call',
        dueAt: '2026-11-26T09:30:00.000Z',
      })
    ).body;
    await t.app.ctx.events.drain(); // the task.created event is handed to automation first
    expect(await t.app.scheduler.tick()).toBe(0);

    t.clock.set('2026-11-26T09:25:00.000Z');
    expect(await t.app.scheduler.tick()).toBe(1);
    const reminded = await notificationsOf(manager);
    expect(reminded.data[0]).toMatchObject({
      kind: 'task.reminder',
      title: 'Rückruf Familie Wagner',
      entityType: 'task',
      entityId: task.id,
    });
    await smtp.waitFor((m) => m.to.includes('thomas@example.de') && m.subject.startsWith('Erinnerung: Rückruf Familie Wagner'));

    t.clock.set('2026-11-26T09:29:59.000Z');
    expect(await t.app.scheduler.tick()).toBe(0);
    expect((await notificationsOf(head)).data).toEqual([]);

    t.clock.set('2026-11-26T09:30:00.000Z');
    expect(await t.app.scheduler.tick()).toBe(1);
    const escalated = await notificationsOf(head);
    expect(escalated.unreadCount).toBe(1);
    expect(escalated.data[0]).toMatchObject({
      kind: 'task.escalated',
      title: 'Überfällig: Rückruf Familie Wagner (Thomas Becker)',
      entityType: 'task',
      entityId: task.id,
    });
    const mail = await smtp.waitFor((m) => m.to.includes('sabine@example.de'));
    expect(mail.subject).toBe('Überfällig: Rückruf Familie Wagner (Thomas Becker)');
    expect(mail.text).toContain('Hallo Sabine Hoffmann');
    expect(mail.text).toContain(`https://crm.example.de/tasks/${task.id}`);
    const after = (await manager.api.get(`/api/v1/tasks/${task.id}`)).body;
    expect(after).toMatchObject({ escalatedAt: '2026-11-26T09:30:00.000Z', overdue: false });

    t.clock.set('2026-11-26T10:30:00.000Z');
    expect(await t.app.scheduler.tick()).toBe(0);
    expect((await notificationsOf(head)).data.filter((n: { kind: string }) => n.kind === 'task.escalated')).toHaveLength(1);
    expect((await manager.api.get(`/api/v1/tasks/${task.id}`)).body.overdue).toBe(true);

    const read = await head.api.post(`/api/v1/notifications/${escalated.data[0].id}/read`);
    expect(read.body.readAt).not.toBeNull();
    expect((await notificationsOf(head)).unreadCount).toBe(0);
    expectProblem(await manager.api.post(`/api/v1/notifications/${escalated.data[0].id}/read`), 404, 'not_found');
  });

  it('a completed or rescheduled task is not escalated for its old due time', async () => {
    await relogin();
    const done = (await manager.api.post('/api/v1/tasks', { title: 'Erledigt rechtzeitig', dueAt: '2026-11-26T11:00:00.000Z' }))
      .body;
    const moved = (await manager.api.post('/api/v1/tasks', { title: 'Verschoben', dueAt: '2026-11-26T11:00:00.000Z' })).body;
    await manager.api.post(`/api/v1/tasks/${done.id}/complete`, { note: 'Alles geklärt' });
    await manager.api.patch(`/api/v1/tasks/${moved.id}`, { dueAt: '2026-11-27T11:00:00.000Z' });
    t.clock.set('2026-11-26T12:00:00.000Z');
    await t.app.scheduler.tick();
    const titles = (await notificationsOf(head)).data.map((n: { title: string }) => n.title);
    expect(titles.some((x: string) => x.includes('Erledigt rechtzeitig') || x.includes('Verschoben'))).toBe(false);
    t.clock.set('2026-11-27T11:00:00.000Z');
    await relogin();
    await t.app.scheduler.tick();
    expect((await notificationsOf(head)).data.map((n: { title: string }) => n.title)).toContain(
      'Überfällig: Verschoben (Thomas Becker)',
    );
  });

  it('speaks each reader’s language: an English head is told in English, and old notifications follow a language switch', async () => {
    await relogin();
    const team = await createTeam(admin, { name: 'Export' });
    const lead = await createUser(t, admin, { role: 'head', teamId: team.id, name: 'Jane Smith', locale: 'en' });
    await admin.api.patch(`/api/v1/teams/${team.id}`, { headId: lead.user.id });
    const clerk = await createUser(t, admin, { teamId: team.id, name: 'Paul Braun' });
    const task = (
      await clerk.api.post('/api/v1/tasks', {
        title: 'Call Mr Jones',
        type: 'call',
        dueAt: '2026-11-27T15:00:00.000Z',
        assigneeId: clerk.user.id,
      })
    ).body;
    t.clock.set('2026-11-27T15:00:00.000Z');
    await t.app.scheduler.tick();
    const english = (await notificationsOf(lead)).data.find((n: { entityId: string }) => n.entityId === task.id);
    expect(english).toMatchObject({ title: 'Overdue: Call Mr Jones (Paul Braun)', body: 'Was due 27 Nov 2026, 16:00' });
    const mail = await smtp.waitFor((m) => m.to.includes(lead.user.email) && m.subject.includes('Call Mr Jones'));
    expect(mail.text).toContain('27 Nov 2026, 16:00');
    expect(mail.text).not.toContain('27.11.2026');

    expect((await lead.api.patch('/api/v1/auth/me', { locale: 'de' })).status).toBe(200);
    const german = (await notificationsOf(lead)).data.find((n: { entityId: string }) => n.entityId === task.id);
    expect(german).toMatchObject({ title: 'Überfällig: Call Mr Jones (Paul Braun)', body: 'Fällig war 27.11.2026, 16:00' });
    const reminder = (await notificationsOf(clerk)).data.find((n: { kind: string }) => n.kind === 'task.reminder');
    expect(reminder).toMatchObject({ title: 'Call Mr Jones', body: 'Fällig 27.11.2026, 16:00' });
  });

  it('hand-off: the assignee of an open task may read and update its record, not delete or reassign it', async () => {
    const deal = (await manager.api.post('/api/v1/deals', { title: 'Fenster Hand-off' })).body;
    expectProblem(await measurer.api.get(`/api/v1/deals/${deal.id}`), 404, 'not_found');
    const task = (
      await manager.api.post('/api/v1/tasks', {
        title: 'Aufmaß nehmen',
        type: 'measurement',
        assigneeId: measurer.user.id,
        dealId: deal.id,
        dueAt: '2026-12-01T09:00:00.000Z',
      })
    ).body;
    const assigned = await notificationsOf(measurer);
    expect(assigned.data[0]).toMatchObject({ kind: 'task.assigned', title: 'Aufmaß nehmen', entityId: task.id });

    expect((await measurer.api.get(`/api/v1/deals/${deal.id}`)).status).toBe(200);
    expect((await measurer.api.get('/api/v1/deals')).body.data.map((d: { id: string }) => d.id)).toContain(deal.id);
    const updated = await measurer.api.patch(`/api/v1/deals/${deal.id}`, { title: 'Fenster Hand-off (vermessen)' });
    expect(updated.status).toBe(200);
    expectProblem(await measurer.api.delete(`/api/v1/deals/${deal.id}`), 403, 'forbidden');
    expectProblem(await measurer.api.patch(`/api/v1/deals/${deal.id}`, { ownerId: measurer.user.id }), 403, 'forbidden');
    const row = await t.database.db.selectFrom('deals').select(['ownerId']).where('id', '=', deal.id).executeTakeFirstOrThrow();
    expect(row.ownerId).toBe(manager.user.id);

    await measurer.api.post(`/api/v1/tasks/${task.id}/complete`, { note: '3 Fenster 120×140' });
    expectProblem(await measurer.api.get(`/api/v1/deals/${deal.id}`), 404, 'not_found');
    const timeline = (await manager.api.get(`/api/v1/deals/${deal.id}/timeline`)).body.data;
    expect(timeline.some((i: { activity?: { body: string } }) => i.activity?.body === 'Aufmaß nehmen: 3 Fenster 120×140')).toBe(
      true,
    );
  });

  it('visibility: a manager does not see another team’s tasks; a head sees the team’s', async () => {
    const other = await createUser(t, admin);
    const hidden = (await other.api.post('/api/v1/tasks', { title: 'Geheim' })).body;
    expectProblem(await manager.api.get(`/api/v1/tasks/${hidden.id}`), 404, 'not_found');
    expectProblem(await manager.api.post(`/api/v1/tasks/${hidden.id}/complete`), 404, 'not_found');
    const headList = (await head.api.get('/api/v1/tasks?limit=200')).body.data.map((x: { assigneeId: string }) => x.assigneeId);
    expect(headList).toContain(manager.user.id);
    expect(headList).not.toContain(other.user.id);
  });
});

describe('calendar feed', () => {
  it('a secret URL serves the tasks as iCalendar; a new URL revokes the old', async () => {
    const res = await manager.api.post('/api/v1/calendar/token');
    expect(res.body.url).toMatch(/^https:\/\/crm\.example\.de\/api\/v1\/calendar\/feed\/[\w-]+\.ics$/);
    const path = new URL(res.body.url).pathname;
    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toMatch(/^BEGIN:VCALENDAR/);
    const events = feed.body.split('BEGIN:VEVENT').slice(1);
    expect(events.length).toBeGreaterThan(0);
    expect(feed.body).toContain('SUMMARY:Verschoben');
    // the due time as an absolute UTC time, never a UTC wall time read as local
    const moved = (await manager.api.get('/api/v1/tasks?limit=200')).body.data.find(
      (x: { title: string }) => x.title === 'Verschoben',
    );
    const utc = `${moved.dueAt.replace(/[-:]/g, '').slice(0, 15)}Z`;
    const event = events.find((e) => e.includes('SUMMARY:Verschoben')) as string;
    expect(event).toMatch(new RegExp(`DTSTART:${utc}\\r?\\n`));
    await manager.api.post('/api/v1/calendar/token');
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
  });
});

describe('work settings', () => {
  it('two admins saving at once: the second gets 412 and the current settings, nothing is overwritten', async () => {
    const first = (await admin.api.get('/api/v1/settings/work')).body;
    expect(first).toMatchObject({ businessHours: { enabled: false, timeZone: 'Europe/Berlin' }, version: expect.any(Number) });
    const saved = await admin.api.patch(
      '/api/v1/settings/work',
      { businessHours: { ...first.businessHours, holidays: ['2026-12-24'] } },
      { 'if-match': `"${first.version}"` },
    );
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ version: first.version + 1, businessHours: { holidays: ['2026-12-24'] } });
    const stale = await admin.api.patch(
      '/api/v1/settings/work',
      { businessHours: { ...first.businessHours, enabled: true } },
      { 'if-match': `"${first.version}"` },
    );
    expectProblem(stale, 412, 'version_mismatch');
    expect(stale.body.current).toMatchObject({
      version: first.version + 1,
      businessHours: { enabled: false, holidays: ['2026-12-24'] },
    });
    // without If-Match the last writer wins, as everywhere in the API
    const last = await admin.api.patch('/api/v1/settings/work', { businessHours: { ...first.businessHours } });
    expect(last.body).toMatchObject({ version: first.version + 2, businessHours: { holidays: [] } });
    expectProblem(await manager.api.patch('/api/v1/settings/work', { escalationUserId: null }), 403, 'forbidden');
  });
});

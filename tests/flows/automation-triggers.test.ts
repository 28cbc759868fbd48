import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.ts';
import { buildTestApp, type TestApp, tempDataDir } from '../support/app.ts';
import { createUser, login, type Session, setupAdmin } from '../support/factories.ts';

let open: TestApp | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function settle(t: TestApp) {
  for (let i = 0; i < 4; i++) {
    await t.app.ctx.events.drain();
    await t.app.scheduler.tick();
  }
}

/** Logs in again each time: the tests move the clock past the session lifetime. */
async function runsOf(t: TestApp, workflowId: string) {
  const admin = await login(t, 'admin@example.de');
  const res = await admin.api.get(`/api/v1/workflow-runs?workflowId=${workflowId}`);
  expect(res.status, res.text).toBe(200);
  return res.body.data as {
    status: string;
    entityId: string | null;
    trigger: { data: Record<string, unknown> };
    steps: unknown[];
  }[];
}

async function createWorkflow(admin: Session, body: Record<string, unknown>) {
  const res = await admin.api.post('/api/v1/workflows', { name: `WF ${Math.random()}`, ...body });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; webhookSecret?: string };
}

describe('record.updated with "field changed to"', () => {
  it('runs only when the named custom field changed to the value', async () => {
    const t = await buildTestApp();
    open = t;
    const admin = await setupAdmin(t);
    expect(
      (await admin.api.post('/api/v1/custom-fields', { entity: 'deal', key: 'rating', label: 'Rating', type: 'text' })).status,
    ).toBe(201);
    const wf = await createWorkflow(admin, {
      trigger: { type: 'record.updated', entity: 'deal', field: 'deal.customFields.rating', changedTo: 'hot' },
      steps: [{ type: 'notify', to: { type: 'owner' }, title: 'Heiß: {{deal.title}}' }],
    });
    const anyTitle = await createWorkflow(admin, {
      trigger: { type: 'record.updated', entity: 'deal', field: 'title' },
      steps: [{ type: 'notify', to: { type: 'owner' }, title: 'Titel geändert' }],
    });
    const deal = (await admin.api.post('/api/v1/deals', { title: 'Fenster' })).body;
    const patch = async (body: Record<string, unknown>) => {
      const res = await admin.api.patch(`/api/v1/deals/${deal.id}`, body);
      expect(res.status, res.text).toBe(200);
      await settle(t);
    };
    await patch({ amountCents: 5000 });
    await patch({ customFields: { rating: 'warm' } });
    expect(await runsOf(t, wf.id)).toHaveLength(0);
    await patch({ customFields: { rating: 'hot' } });
    expect(await runsOf(t, wf.id)).toHaveLength(1);
    await patch({ title: 'Fenster und Türen' }); // rating stays hot: no second run
    expect(await runsOf(t, wf.id)).toHaveLength(1);
    expect(await runsOf(t, anyTitle.id)).toHaveLength(1);
    const notes = (await admin.api.get('/api/v1/notifications')).body.data.map((n: { title: string }) => n.title);
    expect(notes).toContain('Heiß: Fenster');

    const bad = await admin.api.post('/api/v1/workflows', {
      name: 'x',
      trigger: { type: 'record.updated', entity: 'deal', changedTo: 'hot' },
      steps: [{ type: 'notify', to: { type: 'owner' }, title: 'x' }],
    });
    expect(bad.status).toBe(422);
  });
});

describe('schedule (cron) trigger', () => {
  it('runs at each slot in Berlin time, once after downtime, and follows disable and edit', async () => {
    const dataDir = tempDataDir();
    const clock = new ManualClock('2026-01-05T06:00:00.000Z'); // Monday 07:00 in Berlin
    let t = await buildTestApp({ dataDir, clock });
    const admin = await setupAdmin(t);
    expect(
      (
        await admin.api.post('/api/v1/workflows', {
          name: 'bad',
          trigger: { type: 'schedule', cron: '61 8 * * *' },
          steps: [{ type: 'notify', to: { type: 'user', userId: admin.user.id }, title: 'x' }],
        })
      ).status,
    ).toBe(422);
    const wf = await createWorkflow(admin, {
      trigger: { type: 'schedule', cron: '0 8 * * *' },
      steps: [
        { type: 'notify', to: { type: 'user', userId: admin.user.id }, title: 'Guten Morgen' },
        { type: 'create_task', title: 'Tagesplanung', assignee: { type: 'user', userId: admin.user.id } },
      ],
    });
    await settle(t);
    expect(await runsOf(t, wf.id)).toHaveLength(0);
    clock.set('2026-01-05T07:00:00.000Z'); // 08:00 CET
    await settle(t);
    let runs = await runsOf(t, wf.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'done', entityId: null });
    expect(runs[0]?.trigger.data).toMatchObject({ slot: '2026-01-05T07:00:00.000Z', late: false });
    await settle(t);
    expect(await runsOf(t, wf.id)).toHaveLength(1);

    // Down for three mornings: the latest missed slot runs once.
    await t.close({ keepData: true });
    clock.set('2026-01-08T10:00:00.000Z');
    t = await buildTestApp({ dataDir, clock });
    open = t;
    await settle(t);
    await settle(t);
    let admin2 = await login(t, 'admin@example.de');
    runs = await runsOf(t, wf.id);
    expect(runs).toHaveLength(2);
    expect(runs[0]?.trigger.data).toMatchObject({ slot: '2026-01-08T07:00:00.000Z', late: true });
    const tasks = (await admin2.api.get('/api/v1/tasks?mine=true')).body.data;
    expect(tasks.filter((x: { title: string }) => x.title === 'Tagesplanung')).toHaveLength(2);

    // Disabled: no run at the next slot.
    expect((await admin2.api.patch(`/api/v1/workflows/${wf.id}`, { enabled: false })).status).toBe(200);
    clock.set('2026-01-09T09:00:00.000Z');
    await settle(t);
    expect(await runsOf(t, wf.id)).toHaveLength(2);

    // Enabled with a new time (a new version): runs at the new time only.
    admin2 = await login(t, 'admin@example.de');
    expect(
      (await admin2.api.patch(`/api/v1/workflows/${wf.id}`, { enabled: true, trigger: { type: 'schedule', cron: '30 9 * * *' } }))
        .status,
    ).toBe(200);
    await settle(t);
    expect(await runsOf(t, wf.id)).toHaveLength(2);
    clock.set('2026-01-10T08:29:00.000Z');
    await settle(t);
    expect(await runsOf(t, wf.id)).toHaveLength(2);
    clock.set('2026-01-10T08:30:00.000Z'); // 09:30 CET
    await settle(t);
    runs = await runsOf(t, wf.id);
    expect(runs).toHaveLength(3);
    expect(runs[0]?.trigger.data).toMatchObject({ slot: '2026-01-10T08:30:00.000Z' });
    const pending = await t.database.db
      .selectFrom('scheduledJobs')
      .select(['slotKey', 'dueAt'])
      .where('kind', '=', 'workflow.schedule')
      .where('status', '=', 'pending')
      .execute();
    expect(pending.map((p) => p.dueAt)).toEqual(['2026-01-11T08:30:00.000Z']);
  });
});

describe('date-relative trigger', () => {
  it('runs once per record at 09:00 Berlin three days before the close date; moved, cleared and deleted dates follow', async () => {
    const clock = new ManualClock('2026-01-05T08:00:00.000Z');
    const t = await buildTestApp({ clock });
    open = t;
    const admin = await setupAdmin(t);
    const wf = await createWorkflow(admin, {
      trigger: { type: 'date', entity: 'deal', dateField: 'deal.expectedCloseDate', offsetMinutes: -3 * 1440 },
      conditions: { all: [{ field: 'deal.status', op: 'eq', value: 'open' }] },
      steps: [{ type: 'create_task', title: 'Nachfassen: {{deal.title}}', assignee: { type: 'owner' } }],
    });
    const deal = async (title: string, expectedCloseDate: string | null) => {
      const res = await admin.api.post('/api/v1/deals', { title, expectedCloseDate });
      expect(res.status, res.text).toBe(201);
      return res.body as { id: string };
    };
    const a = await deal('A', '2026-01-20'); // fires 2026-01-17 09:00 CET
    const b = await deal('B', '2026-01-25');
    const c = await deal('C', '2026-01-22');
    const d = await deal('D', '2026-01-21');
    await deal('Old', '2026-01-06'); // 3 days before is already past: never runs
    await settle(t);
    expect((await admin.api.patch(`/api/v1/deals/${b.id}`, { expectedCloseDate: '2026-01-30' })).status).toBe(200);
    expect((await admin.api.patch(`/api/v1/deals/${c.id}`, { expectedCloseDate: null })).status).toBe(200);
    expect((await admin.api.delete(`/api/v1/deals/${d.id}`)).status).toBe(204);
    await settle(t);

    clock.set('2026-01-17T07:59:00.000Z');
    await settle(t);
    expect(await runsOf(t, wf.id)).toHaveLength(0);
    clock.set('2026-01-17T08:00:00.000Z');
    await settle(t);
    let runs = await runsOf(t, wf.id);
    expect(runs.map((r) => r.entityId)).toEqual([a.id]);
    expect(runs[0]?.trigger.data).toMatchObject({ fireAt: '2026-01-17T08:00:00.000Z', value: '2026-01-20' });

    clock.set('2026-01-26T12:00:00.000Z'); // past B's old slot (01-22), C's and D's
    await settle(t);
    expect((await runsOf(t, wf.id)).map((r) => r.entityId)).toEqual([a.id]);
    clock.set('2026-01-27T08:00:00.000Z');
    await settle(t);
    await settle(t);
    const admin2 = await login(t, 'admin@example.de');
    runs = await runsOf(t, wf.id);
    expect(runs.map((r) => r.entityId)).toEqual([b.id, a.id]);
    const titles = (await admin2.api.get('/api/v1/tasks?mine=true')).body.data.map((x: { title: string }) => x.title).sort();
    expect(titles).toEqual(['Nachfassen: A', 'Nachfassen: B']);

    // A date moved away and back is scheduled again (the canceled slot comes back), and runs once.
    for (const date of ['2026-02-10', '2026-02-12', '2026-02-10'])
      expect((await admin2.api.patch(`/api/v1/deals/${a.id}`, { expectedCloseDate: date })).status).toBe(200);
    await settle(t);
    clock.set('2026-02-10T12:00:00.000Z');
    await settle(t);
    expect((await runsOf(t, wf.id)).filter((r) => r.entityId === a.id)).toHaveLength(2);
  });

  it('follows a task due time and a datetime custom field, and refuses fields that are no dates', async () => {
    const clock = new ManualClock('2026-06-01T08:00:00.000Z');
    const t = await buildTestApp({ clock });
    open = t;
    const admin = await setupAdmin(t);
    await admin.api.post('/api/v1/custom-fields', { entity: 'deal', key: 'note', label: 'Note', type: 'text' });
    await admin.api.post('/api/v1/custom-fields', { entity: 'deal', key: 'visitAt', label: 'Visit', type: 'datetime' });
    const refused = await admin.api.post('/api/v1/workflows', {
      name: 'x',
      trigger: { type: 'date', entity: 'deal', dateField: 'customFields.note' },
      steps: [{ type: 'notify', to: { type: 'owner' }, title: 'x' }],
    });
    expect(refused.status).toBe(422);
    expect((await admin.api.get('/api/v1/workflows')).body.data).toHaveLength(0);
    const before = await createWorkflow(admin, {
      trigger: { type: 'date', entity: 'task', dateField: 'dueAt', offsetMinutes: -60 },
      steps: [{ type: 'notify', to: { type: 'assignee' }, title: 'In einer Stunde fällig: {{task.title}}' }],
    });
    const visit = await createWorkflow(admin, {
      trigger: { type: 'date', entity: 'deal', dateField: 'customFields.visitAt', offsetMinutes: 30 },
      steps: [{ type: 'notify', to: { type: 'owner' }, title: 'Wie war der Termin? {{deal.title}}' }],
    });
    const task = (
      await admin.api.post('/api/v1/tasks', { title: 'Rückruf', dueAt: '2026-06-01T12:00:00.000Z', assigneeId: admin.user.id })
    ).body;
    const d = (await admin.api.post('/api/v1/deals', { title: 'Besuch', customFields: { visitAt: '2026-06-02T10:00:00.000Z' } }))
      .body;
    await settle(t);
    clock.set('2026-06-01T11:00:00.000Z');
    await settle(t);
    expect((await runsOf(t, before.id)).map((r) => r.entityId)).toEqual([task.id]);
    clock.set('2026-06-02T10:30:00.000Z');
    await settle(t);
    expect((await runsOf(t, visit.id)).map((r) => r.entityId)).toEqual([d.id]);
  });
});

describe('manual trigger', () => {
  it('a user runs a manual workflow on a record they can see; a record they cannot see answers 404', async () => {
    const t = await buildTestApp();
    open = t;
    const admin = await setupAdmin(t);
    const anna = await createUser(t, admin, { name: 'Anna' });
    const bert = await createUser(t, admin, { name: 'Bert' });
    const wf = await createWorkflow(admin, {
      name: 'Angebot nachfassen',
      trigger: { type: 'manual', entity: 'deal' },
      steps: [{ type: 'create_task', title: 'Nachfassen: {{deal.title}}', assignee: { type: 'owner' }, taskType: 'call' }],
    });
    const auto = await createWorkflow(admin, {
      trigger: { type: 'deal.won' },
      steps: [{ type: 'notify', to: { type: 'owner' }, title: 'x' }],
    });
    const deal = (await anna.api.post('/api/v1/deals', { title: 'Annas Fenster' })).body;

    const buttons = await anna.api.get('/api/v1/workflows/manual?entityType=deal');
    expect(buttons.status, buttons.text).toBe(200);
    expect(buttons.body.data).toEqual([{ id: wf.id, name: 'Angebot nachfassen', description: null, entityType: 'deal' }]);
    expect((await anna.api.get('/api/v1/workflows/manual?entityType=contact')).body.data).toEqual([]);
    expect((await anna.api.get('/api/v1/workflows')).status).toBe(403);
    const adminList = await admin.api.get('/api/v1/workflows?trigger=manual&entityType=deal');
    expect(adminList.body.data.map((w: { id: string }) => w.id)).toEqual([wf.id]);

    const denied = await bert.api.post(`/api/v1/workflows/${wf.id}/run`, { entityType: 'deal', entityId: deal.id });
    expect(denied.status).toBe(404);
    expect(await runsOf(t, wf.id)).toHaveLength(0);
    expect((await bert.api.post(`/api/v1/workflows/${auto.id}/run`, { entityType: 'deal', entityId: deal.id })).status).toBe(404);
    expect((await anna.api.post(`/api/v1/workflows/${wf.id}/run`, { entityType: 'contact', entityId: deal.id })).status).toBe(
      422,
    );

    const run = await anna.api.post(`/api/v1/workflows/${wf.id}/run`, { entityType: 'deal', entityId: deal.id });
    expect(run.status, run.text).toBe(201);
    await settle(t);
    const runs = await runsOf(t, wf.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'done', entityId: deal.id });
    expect(runs[0]?.trigger.data).toMatchObject({ startedBy: anna.user.id });
    const tasks = (await anna.api.get('/api/v1/tasks?mine=true')).body.data;
    expect(tasks.map((x: { title: string }) => x.title)).toEqual(['Nachfassen: Annas Fenster']);

    await admin.api.patch(`/api/v1/workflows/${wf.id}`, { enabled: false });
    expect((await anna.api.post(`/api/v1/workflows/${wf.id}/run`, { entityType: 'deal', entityId: deal.id })).status).toBe(404);
    expect((await anna.api.get('/api/v1/workflows/manual?entityType=deal')).body.data).toEqual([]);
  });
});

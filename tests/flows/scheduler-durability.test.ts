import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.ts';
import { scheduleJob } from '../../server/modules/scheduler/jobs.repository.ts';
import { buildTestApp, type TestApp, tempDataDir } from '../support/app.ts';
import { createTeam, createUser, login, setupAdmin } from '../support/factories.ts';

let open: TestApp | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function escalations(t: TestApp) {
  return t.database.db.selectFrom('notifications').selectAll().where('kind', '=', 'task.escalated').execute();
}

describe('durable scheduler', () => {
  it('escalates exactly once across a restart, and catches up after downtime once', async () => {
    const dataDir = tempDataDir();
    const clock = new ManualClock('2026-11-26T08:00:00.000Z');
    let t = await buildTestApp({ dataDir, clock });
    const admin = await setupAdmin(t);
    const team = await createTeam(admin, { name: 'Vertrieb' });
    const head = await createUser(t, admin, { role: 'head', teamId: team.id, email: 'head@example.de' });
    await admin.api.patch(`/api/v1/teams/${team.id}`, { headId: head.user.id });
    const manager = await createUser(t, admin, { teamId: team.id, email: 'm@example.de' });
    const early = (await manager.api.post('/api/v1/tasks', { title: 'Früh', dueAt: '2026-11-26T08:30:00.000Z' })).body;
    const late = (await manager.api.post('/api/v1/tasks', { title: 'Spät', dueAt: '2026-11-26T12:00:00.000Z' })).body;

    clock.set('2026-11-26T08:31:00.000Z');
    await t.app.scheduler.tick();
    expect((await escalations(t)).map((n) => n.entityId)).toEqual([early.id]);

    // restart: same database file, new process state
    await t.close({ keepData: true });
    t = await buildTestApp({ dataDir, clock });
    open = t;
    await t.app.scheduler.tick();
    expect((await escalations(t)).map((n) => n.entityId)).toEqual([early.id]);

    // downtime: the server is off while the second task expires and long after
    await t.close({ keepData: true });
    clock.set('2026-11-28T07:00:00.000Z');
    t = await buildTestApp({ dataDir, clock });
    open = t;
    await Promise.all([t.app.scheduler.tick(), t.app.scheduler.tick()]);
    await t.app.scheduler.tick();
    expect((await escalations(t)).map((n) => n.entityId).sort()).toEqual([early.id, late.id].sort());
    const headSession = await login(t, 'head@example.de');
    expect(
      (await headSession.api.get('/api/v1/notifications')).body.data.filter((n: { kind: string }) => n.kind === 'task.escalated'),
    ).toHaveLength(2);
  });

  it('a job that fails midway leaves nothing half done and runs again later, once', async () => {
    const clock = new ManualClock('2026-11-26T08:00:00.000Z');
    const t = await buildTestApp({ clock });
    open = t;
    let attempts = 0;
    t.app.scheduler.register('test.flaky', async (trx) => {
      attempts++;
      await trx
        .insertInto('settings')
        .values({ key: `flaky-${attempts}`, value: '1', createdAt: 'x', updatedAt: 'x', version: 1 })
        .execute();
      if (attempts === 1) throw new Error('simulated crash after a write');
    });
    await scheduleJob(
      t.database.db,
      { kind: 'test.flaky', slotKey: 'flaky:1', dueAt: '2026-11-26T08:00:00.000Z' },
      clock.now().toISOString(),
    );
    await scheduleJob(
      t.database.db,
      { kind: 'test.flaky', slotKey: 'flaky:1', dueAt: '2026-11-26T08:00:00.000Z' },
      clock.now().toISOString(),
    );
    expect(await t.app.scheduler.tick()).toBe(0);
    const flaky = async () =>
      (await t.database.db.selectFrom('settings').select('key').where('key', 'like', 'flaky-%').execute()).map((r) => r.key);
    expect(await flaky()).toEqual([]);
    const job = await t.database.db
      .selectFrom('scheduledJobs')
      .selectAll()
      .where('slotKey', '=', 'flaky:1')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'pending', attempts: 1, lastError: 'simulated crash after a write' });
    clock.advance(61_000);
    expect(await t.app.scheduler.tick()).toBe(1);
    expect(await t.app.scheduler.tick()).toBe(0);
    expect(await flaky()).toEqual(['flaky-2']);
  });
});

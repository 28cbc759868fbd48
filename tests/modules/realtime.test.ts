import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createTeam, createUser, type Session, setupAdmin } from '../support/factories.ts';
import { openEventStream } from '../support/sse.ts';

let t: TestApp;
let base: string;
let admin: Session;

beforeAll(async () => {
  t = await buildTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  admin = await setupAdmin(t);
});
afterAll(() => t.close());

describe('GET /api/v1/events (SSE)', () => {
  it('streams changes of records the caller may see, and only those', async () => {
    const anna = await createUser(t, admin);
    const ben = await createUser(t, admin);
    const annaStream = openEventStream(base, anna.token);
    const benStream = openEventStream(base, ben.token);
    const adminStream = openEventStream(base, admin.token);
    expect(await annaStream.ready).toBe(200);
    await benStream.ready;
    await adminStream.ready;

    const deal = (await anna.api.post('/api/v1/deals', { title: 'Live' })).body;
    const pipeline = (await anna.api.get(`/api/v1/pipelines/${deal.pipelineId}`)).body;
    await anna.api.patch(`/api/v1/deals/${deal.id}`, { stageId: pipeline.stages[1].id });

    const moved = await annaStream.waitFor((m) => m.event === 'deal.stage_changed');
    expect(moved.data).toMatchObject({ entityType: 'deal', entityId: deal.id, data: { toStageId: pipeline.stages[1].id } });
    await adminStream.waitFor((m) => m.event === 'deal.stage_changed' && m.data.entityId === deal.id);
    await t.app.ctx.events.drain();
    expect(benStream.messages.filter((m) => m.data.entityId === deal.id)).toEqual([]);

    annaStream.close();
    benStream.close();
    adminStream.close();
  });

  it('shows a head every change of their team members’ tasks, deletion included, and no one else’s', async () => {
    const north = await createTeam(admin, { name: 'Nord' });
    const south = await createTeam(admin, { name: 'Süd' });
    const head = await createUser(t, admin, { role: 'head', teamId: north.id });
    const member = await createUser(t, admin, { teamId: north.id });
    const otherHead = await createUser(t, admin, { role: 'head', teamId: south.id });
    const headStream = openEventStream(base, head.token);
    const otherStream = openEventStream(base, otherHead.token);
    expect(await headStream.ready).toBe(200);
    await otherStream.ready;

    const task = (
      await member.api.post('/api/v1/tasks', {
        title: 'Rückruf Schneider',
        type: 'call',
        dueAt: '2030-01-01T09:00:00.000Z',
        assigneeId: member.user.id,
      })
    ).body;
    await member.api.post(`/api/v1/tasks/${task.id}/complete`, {});
    await member.api.post(`/api/v1/tasks/${task.id}/reopen`);
    const own = (
      await member.api.post('/api/v1/tasks', {
        title: 'Wegwerfen',
        type: 'todo',
        dueAt: '2030-01-01T09:00:00.000Z',
        assigneeId: member.user.id,
      })
    ).body;
    expect((await member.api.delete(`/api/v1/tasks/${own.id}`)).status).toBe(204);

    await headStream.waitFor((m) => m.event === 'task.deleted' && m.data.entityId === own.id);
    const seen = headStream.messages.filter((m) => m.data.entityId === task.id).map((m) => m.event);
    expect(seen).toEqual(expect.arrayContaining(['task.created', 'task.completed', 'task.updated']));
    await t.app.ctx.events.drain();
    expect(otherStream.messages.filter((m) => m.event.startsWith('task.'))).toEqual([]);
    headStream.close();
    otherStream.close();
  });

  it('ends the stream once the session is logged out', async () => {
    const anna = await createUser(t, admin);
    const stream = openEventStream(base, anna.token);
    expect(await stream.ready).toBe(200);
    await anna.api.post('/api/v1/deals', { title: 'Vorher' });
    await stream.waitFor((m) => m.event === 'deal.created');
    await anna.api.post('/api/v1/auth/logout');
    await admin.api.post('/api/v1/deals', { title: 'Nachher', ownerId: anna.user.id });
    await t.app.ctx.events.drain();
    expect(stream.messages.filter((m) => m.event === 'deal.created')).toHaveLength(1);
    stream.close();
  });

  it('needs authentication', async () => {
    const res = await fetch(`${base}/api/v1/events`);
    expect(res.status).toBe(401);
  });
});

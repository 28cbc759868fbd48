import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createUser, type Session, setupAdmin } from '../support/factories.ts';
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

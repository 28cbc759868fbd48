import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createUser, type Session, setupAdmin } from '../support/factories.ts';
import { expectProblem } from '../support/problem.ts';

let t: TestApp;
let admin: Session;
let manager: Session;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await setupAdmin(t);
  manager = await createUser(t, admin);
});
afterAll(() => t.close());

describe('card figures, deal timeline and deal search', () => {
  it('computes deals, won revenue, average, last contact and frequencies', async () => {
    const pipeline = (await manager.api.get('/api/v1/pipelines')).body.data[0];
    const won = pipeline.stages.find((s: { kind: string }) => s.kind === 'won').id;
    const lost = pipeline.stages.find((s: { kind: string }) => s.kind === 'lost').id;
    const company = (await manager.api.post('/api/v1/companies', { name: 'Salon Schön' })).body;
    const contact = (await manager.api.post('/api/v1/contacts', { firstName: 'Lisa', lastName: 'Schön', companyId: company.id }))
      .body;
    const empty = await manager.api.get(`/api/v1/contacts/${contact.id}/stats`);
    expect(empty.body).toMatchObject({
      deals: 0,
      wonRevenueCents: 0,
      averageDealCents: 0,
      lastContactAt: null,
      daysSinceLastContact: null,
    });

    for (const [amountCents, stageId] of [
      [10000, won],
      [20001, won],
      [5000, lost],
      [7000, undefined],
    ] as const) {
      const d = (await manager.api.post('/api/v1/deals', { title: `Deal ${amountCents}`, contactId: contact.id, amountCents }))
        .body;
      if (stageId)
        await manager.api.patch(`/api/v1/deals/${d.id}`, { stageId, lostReason: stageId === lost ? 'Zu teuer' : undefined });
    }
    const tenDaysAgo = new Date(t.clock.now().getTime() - 10 * 86_400_000).toISOString();
    await manager.api.post('/api/v1/activities', {
      type: 'meeting',
      contactId: contact.id,
      occurredAt: tenDaysAgo,
      body: 'Beratung',
    });
    await manager.api.post('/api/v1/activities', {
      type: 'call',
      contactId: contact.id,
      occurredAt: new Date(t.clock.now().getTime() - 3 * 86_400_000).toISOString(),
    });

    const stats = (await manager.api.get(`/api/v1/contacts/${contact.id}/stats`)).body;
    expect(stats).toEqual({
      deals: 4,
      openDeals: 1,
      wonDeals: 2,
      lostDeals: 1,
      wonRevenueCents: 30001,
      averageDealCents: 15001, // 15000.5 rounds half up
      openPipelineCents: 7000,
      lastContactAt: expect.any(String),
      daysSinceLastContact: 3,
      dealsPerMonth: 0.33,
      visitsPerMonth: 0.17,
    });
    const companyStats = (await manager.api.get(`/api/v1/companies/${company.id}/stats`)).body;
    expect(companyStats).toMatchObject({ deals: 4, wonRevenueCents: 30001 });

    const other = await createUser(t, admin);
    expectProblem(await other.api.get(`/api/v1/contacts/${contact.id}/stats`), 404, 'not_found');

    const timeline = (await manager.api.get(`/api/v1/contacts/${contact.id}/timeline`)).body.data;
    expect(timeline.filter((i: { kind: string }) => i.kind === 'deal')).toHaveLength(4);
  });

  it('a deal has its own timeline with stage changes and payments; search finds deals', async () => {
    const deal = (await manager.api.post('/api/v1/deals', { title: 'Wintergarten Hoffmann', amountCents: 10000 })).body;
    const pipeline = (await manager.api.get(`/api/v1/pipelines/${deal.pipelineId}`)).body;
    await manager.api.patch(`/api/v1/deals/${deal.id}`, { stageId: pipeline.stages[2].id });
    await manager.api.post(`/api/v1/deals/${deal.id}/payments`, { amountCents: 500 });
    await manager.api.post('/api/v1/activities', { type: 'note', dealId: deal.id, body: 'Statik prüfen lassen' });
    const timeline = (await manager.api.get(`/api/v1/deals/${deal.id}/timeline`)).body.data;
    expect(timeline.map((i: { title: string }) => i.title)).toEqual(['note', 'payment', 'stage_changed', 'created']);
    const hits = (await manager.api.get('/api/v1/search?q=wintergarten')).body.data;
    expect(hits).toEqual([{ type: 'deal', id: deal.id, title: 'Wintergarten Hoffmann', subtitle: pipeline.stages[2].name }]);
    expect((await manager.api.get('/api/v1/search?q=statik')).body.data.map((h: { id: string }) => h.id)).toEqual([deal.id]);
    expect((await manager.api.get(`/api/v1/activities?dealId=${deal.id}`)).body.data).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../server/core/events.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createUser, login, type Session, setupAdmin } from '../support/factories.ts';
import { expectProblem } from '../support/problem.ts';

let t: TestApp;
let admin: Session;
let manager: Session;
let pipeline: { id: string; stages: { id: string; key: string; name: string; kind: string }[] };
const stage = (key: string) => pipeline.stages.find((s) => s.key === key)?.id as string;
const events: DomainEvent[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  admin = await setupAdmin(t);
  manager = await createUser(t, admin, { role: 'manager' });
  pipeline = (await admin.api.get('/api/v1/pipelines')).body.data[0];
  t.app.ctx.events.on('*', (e) => {
    events.push(e);
  });
});
afterAll(() => t.close());

const dealRow = (id: string) => t.database.db.selectFrom('deals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('pipelines', () => {
  it('setup creates a default pipeline with German stages', () => {
    expect(pipeline).toMatchObject({ name: 'Vertrieb', isDefault: true });
    expect(pipeline.stages.map((s) => s.name)).toEqual(['Neu', 'Qualifiziert', 'Angebot', 'Verhandlung', 'Gewonnen', 'Verloren']);
    expect(pipeline.stages.map((s) => s.kind)).toEqual(['open', 'open', 'open', 'open', 'won', 'lost']);
  });

  it('admin adds, renames, reorders and deletes stages; a stage with deals is deleted only by moving them', async () => {
    const created = await admin.api.post('/api/v1/pipelines', {
      name: 'Service',
      stages: [
        { name: 'Anfrage' },
        { name: 'Termin', probability: 50 },
        { name: 'Erledigt', kind: 'won' },
        { name: 'Abgesagt', kind: 'lost' },
      ],
    });
    expect(created.status).toBe(201);
    const [anfrage, termin, erledigt, abgesagt] = created.body.stages;
    const patched = await admin.api.patch(`/api/v1/pipelines/${created.body.id}`, {
      stages: [
        { id: termin.id, name: 'Vor-Ort-Termin', probability: 60 },
        { id: anfrage.id, name: 'Anfrage' },
        { name: 'Angebot', probability: 70 },
        { id: erledigt.id, name: 'Erledigt', kind: 'won' },
        { id: abgesagt.id, name: 'Abgesagt', kind: 'lost' },
      ],
    });
    expect(patched.status).toBe(200);
    expect(patched.body.stages.map((s: { name: string }) => s.name)).toEqual([
      'Vor-Ort-Termin',
      'Anfrage',
      'Angebot',
      'Erledigt',
      'Abgesagt',
    ]);

    const deal = (await manager.api.post('/api/v1/deals', { title: 'Wartung', pipelineId: created.body.id })).body;
    expect(deal.stageId).toBe(termin.id);
    const without = patched.body.stages
      .filter((s: { id: string }) => s.id !== termin.id)
      .map((s: { id: string; name: string; kind: string }) => ({ id: s.id, name: s.name, kind: s.kind }));
    expectProblem(await admin.api.patch(`/api/v1/pipelines/${created.body.id}`, { stages: without }), 409, 'conflict');
    expectProblem(await admin.api.delete(`/api/v1/pipelines/${created.body.id}/stages/${termin.id}`), 409, 'conflict');
    const del = await admin.api.delete(`/api/v1/pipelines/${created.body.id}/stages/${termin.id}?moveTo=${anfrage.id}`);
    expect(del.body.movedDealIds).toEqual([deal.id]);
    expect((await dealRow(deal.id)).stageId).toBe(anfrage.id);
    expectProblem(await manager.api.post('/api/v1/pipelines', { name: 'X' }), 403, 'forbidden');
  });
});

describe('deals', () => {
  it('open in the first stage, move with history, status follows the stage kind', async () => {
    const contact = (await manager.api.post('/api/v1/contacts', { firstName: 'Anna', lastName: 'Schmidt' })).body;
    const res = await manager.api.post('/api/v1/deals', { title: 'Fenster Schmidt', contactId: contact.id, amountCents: 100000 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      stageId: stage('new'),
      status: 'open',
      contactName: 'Anna Schmidt',
      amountCents: 100000,
      taxCents: 19000,
      grossCents: 119000,
      currency: 'EUR',
      version: 1,
    });
    t.clock.advance(3600_000);
    const moved = await manager.api.patch(`/api/v1/deals/${res.body.id}`, { stageId: stage('offer') });
    expect(moved.body).toMatchObject({ stageId: stage('offer'), status: 'open', version: 2 });
    t.clock.advance(1800_000);
    const won = await manager.api.patch(`/api/v1/deals/${res.body.id}`, { stageId: stage('won') });
    expect(won.body).toMatchObject({ status: 'won', closedAt: t.clock.now().toISOString() });
    const history = await manager.api.get(`/api/v1/deals/${res.body.id}/history`);
    expect(
      history.body.data.map((h: { fromStageId: string | null; toStageId: string; secondsInPrevious: number | null }) => [
        h.fromStageId,
        h.toStageId,
        h.secondsInPrevious,
      ]),
    ).toEqual([
      [null, stage('new'), null],
      [stage('new'), stage('offer'), 3600],
      [stage('offer'), stage('won'), 1800],
    ]);
    expect(history.body.data[1].userName).toBe(manager.user.name);
    await t.app.ctx.events.drain();
    const types = events.filter((e) => e.entityId === res.body.id).map((e) => e.type);
    expect(types).toEqual([
      'deal.created',
      'deal.updated',
      'deal.stage_changed',
      'deal.updated',
      'deal.stage_changed',
      'deal.won',
    ]);
    const reopened = await manager.api.patch(`/api/v1/deals/${res.body.id}`, { status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', stageId: stage('negotiation'), closedAt: null });
  });

  it('a lost stage takes the reason the caller gives (the admin’s list is what the UI offers), or none', async () => {
    const deal = (await manager.api.post('/api/v1/deals', { title: 'Verlierer' })).body;
    const bare = await manager.api.patch(`/api/v1/deals/${deal.id}`, { stageId: stage('lost') });
    expect(bare.status, bare.text).toBe(200);
    expect(bare.body).toMatchObject({ status: 'lost', lostReason: null });
    const reopened = await manager.api.patch(`/api/v1/deals/${deal.id}`, { stageId: stage('new') });
    expect(reopened.body).toMatchObject({ status: 'open', lostReason: null });
    const lost = await manager.api.patch(`/api/v1/deals/${deal.id}`, { stageId: stage('lost'), lostReason: ' Too expensive ' });
    expect(lost.body).toMatchObject({ status: 'lost', lostReason: 'Too expensive' });
    expect((await dealRow(deal.id)).lostReason).toBe('Too expensive');
    const reasons = (await manager.api.get('/api/v1/lost-reasons')).body.data.map((r: { name: string }) => r.name);
    expect(reasons).toContain('Zu teuer');
  });

  it('stage gates refuse a move that misses required fields and name them', async () => {
    await admin.api.post('/api/v1/custom-fields', { entity: 'deal', key: 'visitAt', label: 'Aufmaßtermin', type: 'datetime' });
    const p = (await admin.api.get(`/api/v1/pipelines/${pipeline.id}`)).body;
    await admin.api.patch(`/api/v1/pipelines/${pipeline.id}`, {
      stages: p.stages.map((s: { id: string; name: string; key: string }) => ({
        id: s.id,
        name: s.name,
        ...(s.key === 'offer' ? { requiredFields: ['amountCents', 'customFields.visitAt'] } : {}),
      })),
    });
    const deal = (await manager.api.post('/api/v1/deals', { title: 'Gate' })).body;
    const refused = await manager.api.patch(`/api/v1/deals/${deal.id}`, { stageId: stage('offer') });
    expectProblem(refused, 422, 'unprocessable');
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['amountCents', 'customFields.visitAt']);
    expect(refused.body.missingFields).toEqual(['amountCents', 'customFields.visitAt']);
    expect((await dealRow(deal.id)).stageId).toBe(stage('new'));
    const ok = await manager.api.patch(`/api/v1/deals/${deal.id}`, {
      stageId: stage('offer'),
      amountCents: 5000,
      customFields: { visitAt: '2026-12-01T09:00:00+01:00' },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.customFields.visitAt).toBe('2026-12-01T08:00:00.000Z');
  });

  it('If-Match: two users move the same deal, one wins, the other gets 412 with the fresh deal', async () => {
    const deal = (await manager.api.post('/api/v1/deals', { title: 'Streit' })).body;
    const first = await manager.api.patch(
      `/api/v1/deals/${deal.id}`,
      { stageId: stage('qualified') },
      { 'if-match': `"${deal.version}"` },
    );
    const second = await admin.api.patch(
      `/api/v1/deals/${deal.id}`,
      { stageId: stage('offer'), amountCents: 1 },
      { 'if-match': `"${deal.version}"` },
    );
    expect(first.status).toBe(200);
    expectProblem(second, 412, 'version_mismatch');
    expect(second.body.current).toMatchObject({ id: deal.id, stageId: stage('qualified'), version: 2 });
    expect((await dealRow(deal.id)).stageId).toBe(stage('qualified'));
  });

  it('visibility: a manager neither sees nor moves another’s deal, and nothing changes', async () => {
    const other = await createUser(t, admin);
    const theirs = (await other.api.post('/api/v1/deals', { title: 'Fremd' })).body;
    const before = await dealRow(theirs.id);
    expectProblem(await manager.api.get(`/api/v1/deals/${theirs.id}`), 404, 'not_found');
    expectProblem(await manager.api.patch(`/api/v1/deals/${theirs.id}`, { stageId: stage('won') }), 404, 'not_found');
    expectProblem(await manager.api.post(`/api/v1/deals/${theirs.id}/payments`, { amountCents: 100 }), 404, 'not_found');
    expect(await dealRow(theirs.id)).toEqual(before);
    const list = await manager.api.get('/api/v1/deals?limit=200');
    expect(list.body.data.map((d: { id: string }) => d.id)).not.toContain(theirs.id);
    const board = await manager.api.get(`/api/v1/pipelines/${pipeline.id}/board`);
    expect(board.body.stages.flatMap((s: { deals: { id: string }[] }) => s.deals.map((d) => d.id))).not.toContain(theirs.id);
  });
});

describe('line items and payments', () => {
  it('3 × 33,33 € with 10 % discount at 19 %: net 89,99, tax 17,10, gross 107,09', async () => {
    const deal = (await manager.api.post('/api/v1/deals', { title: 'Rundung', amountCents: 1 })).body;
    const item = await manager.api.post(`/api/v1/deals/${deal.id}/line-items`, {
      description: 'Fensterbank',
      quantity: 3,
      unitPriceCents: 3333,
      discountPercent: 10,
      taxRate: 19,
    });
    expect(item.status).toBe(201);
    expect(item.body.netCents).toBe(8999);
    const d = (await manager.api.get(`/api/v1/deals/${deal.id}`)).body;
    expect(d).toMatchObject({ amountCents: 8999, taxCents: 1710, grossCents: 10709, hasLineItems: true });
    expectProblem(await manager.api.patch(`/api/v1/deals/${deal.id}`, { amountCents: 5 }), 422, 'unprocessable');
  });

  it('mixed 19 % and 7 % lines: tax per rate on the rate’s sum, rounded once per rate', async () => {
    const product = await admin.api.post('/api/v1/products', {
      name: 'Fachbuch Fensterbau',
      unitPriceCents: 2995,
      taxRate: 7,
      unit: 'Stk.',
    });
    expect(product.status).toBe(201);
    const deal = (await manager.api.post('/api/v1/deals', { title: 'Gemischt' })).body;
    await manager.api.post(`/api/v1/deals/${deal.id}/line-items`, {
      description: 'A',
      quantity: 1,
      unitPriceCents: 1005,
      taxRate: 19,
    });
    await manager.api.post(`/api/v1/deals/${deal.id}/line-items`, {
      description: 'B',
      quantity: 1,
      unitPriceCents: 1005,
      taxRate: 19,
    });
    const fromProduct = await manager.api.post(`/api/v1/deals/${deal.id}/line-items`, {
      productId: product.body.id,
      quantity: 2.5,
    });
    expect(fromProduct.body).toMatchObject({
      description: 'Fachbuch Fensterbau',
      unitPriceCents: 2995,
      taxRate: 7,
      netCents: 7488,
    });
    const d = (await manager.api.get(`/api/v1/deals/${deal.id}`)).body;
    // 19 %: 2010 × 0.19 = 381.9 → 382; 7 %: 7488 × 0.07 = 524.16 → 524
    expect(d).toMatchObject({ amountCents: 9498, taxCents: 906, grossCents: 10404 });
    const lines = (await manager.api.get(`/api/v1/deals/${deal.id}/line-items`)).body.data;
    await manager.api.delete(`/api/v1/deals/${deal.id}/line-items/${lines[2].id}`);
    expect((await manager.api.get(`/api/v1/deals/${deal.id}`)).body).toMatchObject({
      amountCents: 2010,
      taxCents: 382,
      grossCents: 2392,
    });
    expectProblem(await manager.api.post(`/api/v1/deals/${deal.id}/line-items`, { quantity: 1 }), 400, 'validation_failed');
    expectProblem(
      await manager.api.post(`/api/v1/deals/${deal.id}/line-items`, { description: 'x', quantity: -1, unitPriceCents: 1 }),
      400,
      'validation_failed',
    );
  });

  it('payments reaching the gross amount mark the deal paid once (deal.paid)', async () => {
    const deal = (await manager.api.post('/api/v1/deals', { title: 'Zahlung', amountCents: 10000 })).body;
    expect(deal.grossCents).toBe(11900);
    await manager.api.post(`/api/v1/deals/${deal.id}/payments`, {
      amountCents: 5000,
      method: 'Überweisung',
      paidAt: '2026-12-01',
    });
    let d = (await manager.api.get(`/api/v1/deals/${deal.id}`)).body;
    expect(d).toMatchObject({ paidCents: 5000, paidAt: null });
    await manager.api.post(`/api/v1/deals/${deal.id}/payments`, { amountCents: 6900 });
    d = (await manager.api.get(`/api/v1/deals/${deal.id}`)).body;
    expect(d).toMatchObject({ paidCents: 11900, paidAt: t.clock.now().toISOString() });
    await manager.api.post(`/api/v1/deals/${deal.id}/payments`, { amountCents: 100 });
    await t.app.ctx.events.drain();
    expect(events.filter((e) => e.entityId === deal.id && e.type === 'deal.paid')).toHaveLength(1);
    expect((await manager.api.get(`/api/v1/deals/${deal.id}/payments`)).body.data).toHaveLength(3);
    expectProblem(await manager.api.post(`/api/v1/deals/${deal.id}/payments`, { amountCents: 0 }), 400, 'validation_failed');
  });
});

describe('board', () => {
  it('gives per stage the count, sums and cards with rotting and overdue markers', async () => {
    const p = (
      await admin.api.post('/api/v1/pipelines', {
        name: 'Board',
        stages: [
          { name: 'Eins', timeLimitDays: 2 },
          { name: 'Zwei', probability: 50 },
          { name: 'Gewonnen', kind: 'won' },
        ],
      })
    ).body;
    const [eins, zwei] = p.stages;
    const old = (
      await manager.api.post('/api/v1/deals', {
        title: 'Alt',
        pipelineId: p.id,
        amountCents: 1000,
        expectedCloseDate: '2020-01-01',
      })
    ).body;
    t.clock.advance(3 * 86_400_000);
    manager = await login(t, manager.user.email);
    admin = await login(t, admin.user.email);
    await manager.api.post('/api/v1/deals', { title: 'Neu', pipelineId: p.id, amountCents: 2000 });
    await manager.api.post('/api/v1/deals', { title: 'Weiter', pipelineId: p.id, stageId: zwei.id, amountCents: 4000 });
    const res = await manager.api.get(`/api/v1/pipelines/${p.id}/board?limit=1`);
    expect(res.status).toBe(200);
    const first = res.body.stages.find((s: { stageId: string }) => s.stageId === eins.id);
    expect(first).toMatchObject({ count: 2, amountCents: 3000 });
    expect(first.deals).toHaveLength(1);
    expect(first.deals[0].title).toBe('Neu');
    const second = res.body.stages.find((s: { stageId: string }) => s.stageId === zwei.id);
    expect(second).toMatchObject({ count: 1, amountCents: 4000, weightedAmountCents: 2000 });
    const all = await manager.api.get(`/api/v1/pipelines/${p.id}/board`);
    const card = all.body.stages[0].deals.find((d: { id: string }) => d.id === old.id);
    expect(card).toMatchObject({ daysInStage: 3, rotting: true, overdue: true });
    expect((await manager.api.get(`/api/v1/pipelines/${p.id}/board?mine=true`)).body.stages[0].count).toBe(2);
    expect((await admin.api.get(`/api/v1/pipelines/${p.id}/board?mine=true`)).body.stages[0].count).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../server/core/tx.ts';
import type { WorkflowRunRow } from '../../server/db/schema.ts';
import { loadContext } from '../../server/modules/workflows/context.ts';
import type { Step } from '../../server/modules/workflows/definition.ts';
import { runStep } from '../../server/modules/workflows/steps.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { type Session, setupAdmin } from '../support/factories.ts';

// Step guards (onlyIf) and what a deal already has (deal.openTaskTypes, doneTaskTypes, documentKinds): how a
// process creates a piece of work exactly once, whichever of several events reaches it first.

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setupAdmin(t);
});
afterAll(async () => t.close());

async function settle() {
  for (let i = 0; i < 4; i++) {
    await t.app.ctx.events.drain();
    await t.app.scheduler.tick();
  }
}

const noCallYet = {
  all: [
    { field: 'deal.openTaskTypes', op: 'not_contains', value: 'call' },
    { field: 'deal.doneTaskTypes', op: 'not_contains', value: 'call' },
  ],
} as const;

describe('step guards (onlyIf)', () => {
  it('skips a step whose guard fails at that moment and goes on; the run log says so', async () => {
    const wf = await admin.api.post('/api/v1/workflows', {
      name: 'Nachfassen, einmal',
      trigger: { type: 'manual', entity: 'deal' },
      steps: [
        { type: 'create_task', title: 'Nachfassen: {{deal.title}}', taskType: 'call', onlyIf: noCallYet },
        {
          type: 'notify',
          to: { type: 'user', userId: admin.user.id },
          title: 'Angebot liegt vor: {{deal.title}}',
          onlyIf: { all: [{ field: 'deal.documentKinds', op: 'contains', value: 'offer' }] },
        },
        { type: 'notify', to: { type: 'user', userId: admin.user.id }, title: 'Geprüft: {{deal.title}}' },
      ],
    });
    expect(wf.status, wf.text).toBe(201);
    expect(wf.body.steps[0].onlyIf).toEqual(noCallYet);
    const deal = (await admin.api.post('/api/v1/deals', { title: 'Fenster Lang', amountCents: 50000 })).body;
    const run = async () => {
      const res = await admin.api.post(`/api/v1/workflows/${wf.body.id}/run`, { entityType: 'deal', entityId: deal.id });
      expect(res.status, res.text).toBe(201);
      await settle();
      const [last] = (await admin.api.get(`/api/v1/workflow-runs?workflowId=${wf.body.id}`)).body.data as {
        status: string;
        steps: { type: string; output: Record<string, unknown> | null }[];
      }[];
      expect(last?.status).toBe('done');
      return last?.steps.map((s) => (s.output?.skipped ? 'skipped' : s.type));
    };
    const calls = async () =>
      ((await admin.api.get(`/api/v1/tasks?dealId=${deal.id}&type=call`)).body.data as { id: string }[]).length;

    expect(await run()).toEqual(['create_task', 'skipped', 'notify']);
    expect(await calls()).toBe(1);
    expect(await run()).toEqual(['skipped', 'skipped', 'notify']);
    // a done task counts too; a canceled one does not
    const [task] = (await admin.api.get(`/api/v1/tasks?dealId=${deal.id}&type=call`)).body.data;
    expect((await admin.api.post(`/api/v1/tasks/${task.id}/complete`, {})).status).toBe(200);
    expect(await run()).toEqual(['skipped', 'skipped', 'notify']);

    const other = (await admin.api.post('/api/v1/deals', { title: 'Tür Kurz' })).body;
    const res = await admin.api.post(`/api/v1/workflows/${wf.body.id}/run`, { entityType: 'deal', entityId: other.id });
    expect(res.status).toBe(201);
    await settle();
    const [own] = (await admin.api.get(`/api/v1/tasks?dealId=${other.id}&type=call`)).body.data;
    expect((await admin.api.patch(`/api/v1/tasks/${own.id}`, { status: 'canceled' })).status).toBe(200);
    const again = await admin.api.post(`/api/v1/workflows/${wf.body.id}/run`, { entityType: 'deal', entityId: other.id });
    expect(again.status).toBe(201);
    await settle();
    const open = (await admin.api.get(`/api/v1/tasks?dealId=${other.id}&type=call&status=open`)).body.data;
    expect(open).toHaveLength(1);
  });

  it('is checked in the step’s own transaction: two runs racing for one deal create the task once', async () => {
    const deal = (await admin.api.post('/api/v1/deals', { title: 'Wettlauf' })).body;
    const step: Step = {
      type: 'create_task',
      title: 'Aufmaß nehmen',
      taskType: 'measurement',
      onlyIf: {
        all: [
          { field: 'deal.openTaskTypes', op: 'not_contains', value: 'measurement' },
          { field: 'deal.doneTaskTypes', op: 'not_contains', value: 'measurement' },
        ],
      },
    };
    const run = { id: 'race', workflowId: 'race', cursor: '[0]' } as WorkflowRunRow;
    const ctx = t.app.ctx;
    // both start before either has written: each reads the deal in its own transaction
    const outputs = await Promise.all(
      [1, 2].map(() =>
        inTransaction(ctx, async (trx, after) => {
          const rc = await loadContext(trx, { dealId: deal.id }, {});
          return (await runStep({ trx, ctx, after, run, rc }, step)).output as { skipped?: boolean; taskId?: string };
        }),
      ),
    );
    expect(outputs.filter((o) => o.skipped)).toHaveLength(1);
    expect(outputs.filter((o) => o.taskId)).toHaveLength(1);
    expect((await admin.api.get(`/api/v1/tasks?dealId=${deal.id}&type=measurement`)).body.data).toHaveLength(1);
  });

  it('a deal’s context lists the types of its open and done tasks and the kinds of its documents', async () => {
    const deal = (await admin.api.post('/api/v1/deals', { title: 'Kontext', amountCents: 10000 })).body;
    expect((await admin.api.post('/api/v1/tasks', { title: 'Anrufen', type: 'call', dealId: deal.id })).status).toBe(201);
    const done = await admin.api.post('/api/v1/tasks', { title: 'Mail', type: 'todo', dealId: deal.id });
    expect(done.status, done.text).toBe(201);
    expect((await admin.api.post(`/api/v1/tasks/${done.body.id}/complete`, {})).status).toBe(200);
    const template = (await admin.api.get('/api/v1/document-templates?kind=offer')).body.data[0];
    expect((await admin.api.post(`/api/v1/deals/${deal.id}/documents`, { templateId: template.id })).status).toBe(201);
    const rc = await loadContext(t.app.ctx.db, { dealId: deal.id }, {});
    expect(rc.deal).toMatchObject({ openTaskTypes: ['call'], doneTaskTypes: ['todo'], documentKinds: ['offer'] });
  });
});

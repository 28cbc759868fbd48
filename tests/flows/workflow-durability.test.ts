import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.ts';
import { Api } from '../support/api.ts';
import { buildTestApp, type TestApp, tempDataDir } from '../support/app.ts';
import { createUser, login, setupAdmin } from '../support/factories.ts';
import { expectProblem } from '../support/problem.ts';

let open: TestApp | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function settle(t: TestApp) {
  for (let i = 0; i < 3; i++) {
    await t.app.ctx.events.drain();
    await t.app.scheduler.tick();
  }
}

describe('workflow runs are durable', () => {
  it('a run waiting 42 days survives a restart and resumes exactly once', async () => {
    const dataDir = tempDataDir();
    const clock = new ManualClock('2026-11-24T09:00:00.000Z');
    let t = await buildTestApp({ dataDir, clock });
    const admin = await setupAdmin(t);
    const reception = await createUser(t, admin, { email: 'empfang@example.de', name: 'Empfang' });
    const installed = await admin.api.post('/api/v1/workflow-templates/salon-rebooking/install', {
      roles: { reception: reception.user.id },
    });
    expect(installed.status, installed.text).toBe(201);
    const pipeline = (await admin.api.get(`/api/v1/pipelines/${installed.body.pipelineId}`)).body;
    const contact = (await reception.api.post('/api/v1/contacts', { firstName: 'Lea', lastName: 'Kurz' })).body;
    const visit = (
      await reception.api.post('/api/v1/deals', { title: 'Schnitt & Farbe', pipelineId: pipeline.id, contactId: contact.id })
    ).body;
    await reception.api.patch(`/api/v1/deals/${visit.id}`, {
      stageId: pipeline.stages.find((s: { kind: string }) => s.kind === 'won').id,
    });
    await settle(t);
    let runs = (await admin.api.get(`/api/v1/workflow-runs?dealId=${visit.id}`)).body.data;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'waiting', waitUntil: '2027-01-05T09:00:00.000Z' });

    await t.close({ keepData: true });
    clock.set('2027-01-06T08:00:00.000Z');
    t = await buildTestApp({ dataDir, clock });
    open = t;
    await settle(t);
    await settle(t);
    const session = await login(t, 'empfang@example.de');
    const tasks = (await session.api.get('/api/v1/tasks?mine=true')).body.data;
    expect(tasks.map((x: { title: string }) => x.title)).toEqual(['Nächsten Termin mit Lea Kurz vereinbaren']);
    const admin2 = await login(t, 'admin@example.de');
    runs = (await admin2.api.get(`/api/v1/workflow-runs?dealId=${visit.id}`)).body.data;
    expect(runs[0].status).toBe('done');
    expect(runs[0].steps.map((s: { type: string; status: string }) => `${s.type}:${s.status}`)).toEqual([
      'wait:waiting',
      'wait:done',
      'create_task:done',
    ]);
  });

  it('a web lead whose process died right after the commit still gets its call task, once, after the restart', async () => {
    const dataDir = tempDataDir();
    const clock = new ManualClock('2026-11-24T09:00:00.000Z');
    let t = await buildTestApp({ dataDir, clock });
    const admin = await setupAdmin(t);
    const form = await admin.api.post('/api/v1/forms', {
      key: 'anfrage',
      name: 'Anfrage',
      ownerRule: { type: 'user', userId: admin.user.id },
      fields: [{ name: 'lastName', label: 'Name', type: 'text', required: true }],
    });
    expect(form.status, form.text).toBe(201);
    const wf = await admin.api.post('/api/v1/workflows', {
      name: 'Rückruf',
      trigger: { type: 'form.submitted', formKey: 'anfrage' },
      steps: [{ type: 'create_task', title: 'Rückruf: {{contact.name}}', taskType: 'call', assignee: { type: 'owner' } }],
    });
    expect(wf.status, wf.text).toBe(201);
    // the process dies after the submission committed, before anything after the commit ran
    t.app.ctx.events.emit = () => undefined;
    const lead = await new Api(t.app).post('/api/v1/forms/anfrage/submissions', { lastName: 'Fuchs', phone: '0221 471100' });
    expect(lead.status, lead.text).toBe(201);
    await t.close({ keepData: true });

    t = await buildTestApp({ dataDir, clock });
    open = t;
    await settle(t);
    await settle(t);
    const session = await login(t, 'admin@example.de');
    const [deal] = (await session.api.get('/api/v1/deals?q=Fuchs')).body.data;
    const tasks = (await session.api.get('/api/v1/tasks')).body.data;
    expect(tasks.map((x: { title: string; type: string; dealId: string }) => `${x.type}: ${x.title} @${x.dealId}`)).toEqual([
      `call: Rückruf: Fuchs @${deal.id}`,
    ]);
    const runs = (await session.api.get(`/api/v1/workflow-runs?workflowId=${wf.body.id}`)).body.data;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'done', dealId: deal.id });
  });

  it('a workflow that keeps triggering itself stops at the depth limit', async () => {
    const t = await buildTestApp();
    open = t;
    const admin = await setupAdmin(t);
    const wf = await admin.api.post('/api/v1/workflows', {
      name: 'Schleife',
      trigger: { type: 'record.updated', entity: 'deal' },
      steps: [{ type: 'update_field', field: 'deal.source', value: 'Runde {{deal.version}}' }],
    });
    expect(wf.status, wf.text).toBe(201);
    const deal = (await admin.api.post('/api/v1/deals', { title: 'Kreisel' })).body;
    await admin.api.patch(`/api/v1/deals/${deal.id}`, { title: 'Kreisel 2' });
    for (let i = 0; i < 4; i++) await settle(t);
    const runs = (await admin.api.get(`/api/v1/workflow-runs?workflowId=${wf.body.id}`)).body.data;
    // the user's change starts run 1; each run's change starts the next, down to the fifth
    expect(runs.map((r: { status: string }) => r.status)).toEqual(['done', 'done', 'done', 'done', 'done']);
    const after = (await admin.api.get(`/api/v1/deals/${deal.id}`)).body;
    expect(after.version).toBe(deal.version + 6);
  });

  it('a failing step is logged, the run fails, and an admin can retry it', async () => {
    const t = await buildTestApp();
    open = t;
    const admin = await setupAdmin(t);
    const wf = await admin.api.post('/api/v1/workflows', {
      name: 'Messung planen',
      trigger: { type: 'deal.won' },
      steps: [
        {
          type: 'create_task',
          title: 'Aufmaß',
          taskType: 'measurement',
          assignee: { type: 'owner' },
          due: { type: 'field', field: 'deal.customFields.visitAt' },
        },
      ],
    });
    expect(wf.status, wf.text).toBe(201);
    const deal = (await admin.api.post('/api/v1/deals', { title: 'Ohne Termin' })).body;
    const pipeline = (await admin.api.get(`/api/v1/pipelines/${deal.pipelineId}`)).body;
    await admin.api.patch(`/api/v1/deals/${deal.id}`, {
      stageId: pipeline.stages.find((s: { kind: string }) => s.kind === 'won').id,
    });
    await settle(t);
    const [run] = (await admin.api.get(`/api/v1/workflow-runs?workflowId=${wf.body.id}`)).body.data;
    expect(run).toMatchObject({ status: 'failed', error: expect.stringContaining('visitAt') });
    expect(run.steps.at(-1)).toMatchObject({ type: 'create_task', status: 'failed' });

    await admin.api.post('/api/v1/custom-fields', { entity: 'deal', key: 'visitAt', label: 'Termin', type: 'datetime' });
    await admin.api.patch(`/api/v1/deals/${deal.id}`, { customFields: { visitAt: '2026-12-01T09:00:00.000Z' } });
    expect((await admin.api.post(`/api/v1/workflow-runs/${run.id}/retry`)).status).toBe(200);
    await settle(t);
    const [again] = (await admin.api.get(`/api/v1/workflow-runs?workflowId=${wf.body.id}`)).body.data;
    expect(again.status).toBe('done');
    expect((await admin.api.get(`/api/v1/tasks?dealId=${deal.id}`)).body.data).toHaveLength(1);

    // editing makes a new version
    const edited = await admin.api.patch(`/api/v1/workflows/${wf.body.id}`, {
      steps: [{ type: 'notify', to: { type: 'owner' }, title: 'Gewonnen!' }],
    });
    expect(edited.body.definitionVersion).toBe(2);
    expectProblem(
      await admin.api.post('/api/v1/workflows', {
        name: 'Kaputt',
        trigger: { type: 'deal.won' },
        steps: [{ type: 'create_task' }],
      }),
      400,
      'validation_failed',
    );
  });
});

describe('web-form intake', () => {
  it('accepts JSON and form posts, matches contacts by e-mail or phone, ignores extra fields, and traps bots', async () => {
    const t = await buildTestApp();
    open = t;
    const admin = await setupAdmin(t);
    const form = await admin.api.post('/api/v1/forms', {
      key: 'kontakt',
      name: 'Kontakt',
      ownerRule: { type: 'user', userId: admin.user.id },
      fields: [
        { name: 'lastName', label: 'Name', type: 'text', required: true },
        { name: 'email', label: 'E-Mail', type: 'email' },
        { name: 'phone', label: 'Telefon', type: 'tel' },
        { name: 'message', label: 'Nachricht', type: 'textarea' },
      ],
      allowedOrigins: ['https://www.fensterbau.example'],
    });
    expect(form.status, form.text).toBe(201);
    const pub = new Api(t.app);
    const first = await pub.post('/api/v1/forms/kontakt/submissions', {
      lastName: 'Vogel',
      email: 'vogel@example.de',
      role: 'admin',
    });
    expect(first.status).toBe(201);
    const second = await pub.request(
      'POST',
      '/api/v1/forms/kontakt/submissions',
      'lastName=Vogel&phone=&email=VOGEL%40example.de&message=Noch+eine+Frage',
      {
        'content-type': 'application/x-www-form-urlencoded',
      },
    );
    expect(second.status).toBe(201);
    const contacts = (await admin.api.get('/api/v1/contacts?q=vogel')).body.data;
    expect(contacts).toHaveLength(1);
    expect((await admin.api.get(`/api/v1/deals?contactId=${contacts[0].id}`)).body.data).toHaveLength(2);

    const spam = await pub.post('/api/v1/forms/kontakt/submissions', { lastName: 'Bot', website: 'http://spam.example' });
    expect(spam.status).toBe(201);
    expect((await admin.api.get('/api/v1/contacts?q=bot')).body.data).toEqual([]);

    const missing = await pub.post('/api/v1/forms/kontakt/submissions', { email: 'x@example.de' });
    expectProblem(missing, 400, 'validation_failed');
    expect(missing.body.errors[0].path).toBe('lastName');
    expectProblem(
      await pub.post('/api/v1/forms/kontakt/submissions', { lastName: 'X' }, { origin: 'https://evil.example' }),
      403,
      'forbidden',
    );
    const cors = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/forms/kontakt/submissions',
      headers: { origin: 'https://www.fensterbau.example', 'access-control-request-method': 'POST' },
    });
    expect(cors.statusCode).toBe(204);
    expect(cors.headers['access-control-allow-origin']).toBe('https://www.fensterbau.example');
    expectProblem(await pub.post('/api/v1/forms/nope/submissions', { lastName: 'X' }), 404, 'not_found');
    const embed = await admin.api.get(`/api/v1/forms/${form.body.id}/embed`);
    expect(embed.body.html).toContain('action="http://localhost:3000/api/v1/forms/kontakt/submissions"');
  });
});

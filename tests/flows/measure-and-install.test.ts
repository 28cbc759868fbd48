import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createTeam, createUser, login, type Session, setupAdmin } from '../support/factories.ts';
import { pdfPages } from '../support/pdf.ts';
import { startSmtpServer } from '../support/smtp.ts';

// The reference process of SCENARIO.md, through HTTP only, each employee with their own login and role.

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let admin: Session;
let head: Session;
let thomas: Session;
let markus: Session;
let petra: Session;
let stefan: Session;
let install: { pipelineId: string; formKey: string; workflowIds: string[] };
let dealId: string;

async function settle() {
  for (let i = 0; i < 4; i++) {
    await t.app.ctx.events.drain();
    await t.app.scheduler.tick();
  }
  await t.app.ctx.events.drain();
}

async function relogin() {
  admin = await login(t, 'admin@example.de');
  head = await login(t, 'sabine@example.de');
  thomas = await login(t, 'thomas@example.de');
  markus = await login(t, 'markus@example.de');
  petra = await login(t, 'petra@example.de');
  stefan = await login(t, 'stefan@example.de');
}

const openTasks = async (s: Session) =>
  (await s.api.get('/api/v1/tasks?mine=true&status=open')).body.data as {
    id: string;
    type: string;
    title: string;
    dueAt: string;
    dealId: string;
  }[];
const stageKey = async (s: Session) => {
  const deal = (await s.api.get(`/api/v1/deals/${dealId}`)).body;
  const pipeline = (await s.api.get(`/api/v1/pipelines/${deal.pipelineId}`)).body;
  return pipeline.stages.find((x: { id: string }) => x.id === deal.stageId).key as string;
};

/** A deal's tasks by type (canceled ones left out), as the admin sees them. */
async function taskCounts(id: string): Promise<Record<string, number>> {
  const tasks = (await admin.api.get(`/api/v1/tasks?dealId=${id}&limit=200`)).body.data as { type: string; status: string }[];
  const out: Record<string, number> = {};
  for (const task of tasks) if (task.status !== 'canceled') out[task.type] = (out[task.type] ?? 0) + 1;
  return out;
}
const reportsFor = async (id: string) =>
  ((await head.api.get('/api/v1/notifications?limit=200')).body.data as { kind: string; entityId: string }[]).filter(
    (n) => n.kind === 'deal.report' && n.entityId === id,
  ).length;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await buildTestApp({ env: { KONTOR_SMTP_URL: smtp.url, KONTOR_PUBLIC_URL: 'https://crm.fensterbau.example' } });
  t.clock.set('2026-11-24T09:00:00.000Z'); // Tuesday 10:00 in Berlin
  admin = await setupAdmin(t);
  await admin.api.patch('/api/v1/settings/company', { legalName: 'Fensterbau Müller GmbH', iban: 'DE02120300000000202051' });
  const sales = await createTeam(admin, { name: 'Vertrieb' });
  const field = await createTeam(admin, { name: 'Außendienst' });
  head = await createUser(t, admin, { role: 'head', name: 'Sabine Hoffmann', email: 'sabine@example.de', teamId: sales.id });
  thomas = await createUser(t, admin, { role: 'manager', name: 'Thomas Becker', email: 'thomas@example.de', teamId: sales.id });
  petra = await createUser(t, admin, { role: 'manager', name: 'Petra Neumann', email: 'petra@example.de' });
  markus = await createUser(t, admin, {
    role: 'specialist',
    name: 'Markus Schulz',
    email: 'markus@example.de',
    teamId: field.id,
  });
  stefan = await createUser(t, admin, { role: 'specialist', name: 'Stefan Koch', email: 'stefan@example.de', teamId: field.id });
  const res = await admin.api.post('/api/v1/workflow-templates/measure-and-install/install', {
    roles: { sales: sales.id, head: head.user.id, measurer: markus.user.id, estimator: petra.user.id, installer: stefan.user.id },
    settings: { callWithinMinutes: 15 },
  });
  expect(res.status, res.text).toBe(201);
  install = res.body;
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('measure-and-install, end to end', () => {
  it('installs its pipeline, web form, fields and workflows; bad roles are refused', async () => {
    expect(install.workflowIds).toHaveLength(13);
    expect(install.formKey).toBe('anfrage');
    const pipeline = (await admin.api.get(`/api/v1/pipelines/${install.pipelineId}`)).body;
    expect(pipeline.stages.map((s: { name: string }) => s.name)).toEqual([
      'Neue Anfrage',
      'Aufmaß',
      'Kalkulation',
      'Angebot',
      'Montage',
      'Gewonnen',
      'Verloren',
    ]);
    const fields = (await admin.api.get('/api/v1/custom-fields?entity=deal')).body.data.map((f: { key: string }) => f.key);
    expect(fields).toEqual(expect.arrayContaining(['visitAt', 'measurements', 'installationAt']));
    const bad = await admin.api.post('/api/v1/workflow-templates/measure-and-install/install', {
      roles: { sales: 'nope' },
      settings: { callWithinMinutes: 0 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['roles.sales', 'roles.head', 'settings.callWithinMinutes']),
    );
    expect((await thomas.api.post('/api/v1/workflow-templates/measure-and-install/install', { roles: {} })).status).toBe(403);
  });

  it('1–2 a web lead becomes contact and deal; the manager must call within 15 minutes, else the head is told', async () => {
    const pub = new Api(t.app);
    const lead = await pub.post(`/api/v1/forms/${install.formKey}/submissions`, {
      firstName: 'Anna',
      lastName: 'Schmidt',
      email: 'anna.schmidt@example.de',
      phone: '0221 123456',
      message: 'Drei Fenster im Wohnzimmer, bitte Angebot.',
      utm_source: 'google',
      isAdmin: true,
    });
    expect(lead.status, lead.text).toBe(201);
    await settle();
    const deals = (await thomas.api.get(`/api/v1/deals?pipelineId=${install.pipelineId}`)).body.data;
    expect(deals).toHaveLength(1);
    dealId = deals[0].id;
    expect(deals[0]).toMatchObject({ ownerId: thomas.user.id, contactName: 'Anna Schmidt', source: 'web:google' });
    expect(await stageKey(thomas)).toBe('inquiry');
    const [call] = await openTasks(thomas);
    expect(call).toMatchObject({ type: 'call', dealId, dueAt: '2026-11-24T09:15:00.000Z' });
    expect(call?.title).toContain('Anna Schmidt');

    t.clock.set('2026-11-24T09:15:30.000Z');
    await settle();
    const escalated = (await head.api.get('/api/v1/notifications')).body.data;
    expect(escalated.find((n: { kind: string }) => n.kind === 'task.escalated')).toMatchObject({
      entityType: 'task',
      entityId: call?.id,
      title: expect.stringContaining('Thomas Becker'),
    });
    await smtp.waitFor((m) => m.to.includes('sabine@example.de') && m.subject.startsWith('Überfällig'));
  });

  it('3 the call done with a visit date: a measurement task for the measurer at that time', async () => {
    const [call] = await openTasks(thomas);
    expect(
      (await thomas.api.patch(`/api/v1/deals/${dealId}`, { customFields: { visitAt: '2026-11-26T13:00:00.000Z' } })).status,
    ).toBe(200);
    expect(
      (await thomas.api.post(`/api/v1/tasks/${call?.id}/complete`, { note: 'Aufmaß Donnerstag 14 Uhr vereinbart' })).status,
    ).toBe(200);
    await settle();
    expect(await stageKey(thomas)).toBe('measurement');
    const [measure] = await openTasks(markus);
    expect(measure).toMatchObject({ type: 'measurement', dealId, dueAt: '2026-11-26T13:00:00.000Z' });
    expect((await markus.api.get('/api/v1/notifications')).body.data[0]).toMatchObject({
      kind: 'task.assigned',
      entityId: measure?.id,
    });
  });

  it('4 measurements entered and the job done: a calculation task for the estimator', async () => {
    t.clock.set('2026-11-26T14:30:00.000Z');
    await relogin();
    const [measure] = await openTasks(markus);
    expect((await markus.api.get(`/api/v1/deals/${dealId}`)).status).toBe(200);
    const patched = await markus.api.patch(`/api/v1/deals/${dealId}`, {
      customFields: { measurements: '3 Fenster 120×140 cm, Wohnzimmer' },
    });
    expect(patched.status).toBe(200);
    await markus.api.post(`/api/v1/tasks/${measure?.id}/complete`, { note: 'Maße genommen' });
    await settle();
    expect(await stageKey(thomas)).toBe('calculation');
    const [calc] = await openTasks(petra);
    expect(calc).toMatchObject({ type: 'calculation', dealId });
    expect((await markus.api.get(`/api/v1/deals/${dealId}`)).status).toBe(404);
  });

  it('5 the estimator prices it: an offer PDF with the buyer, the measurements and the amount', async () => {
    const [calc] = await openTasks(petra);
    expect(
      (
        await petra.api.post(`/api/v1/deals/${dealId}/line-items`, {
          description: 'Kunststofffenster 120×140',
          quantity: 3,
          unitPriceCents: 48900,
          taxRate: 19,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await petra.api.post(`/api/v1/deals/${dealId}/line-items`, {
          description: 'Montage',
          quantity: 4,
          unitPriceCents: 6500,
          taxRate: 19,
        })
      ).status,
    ).toBe(201);
    await petra.api.post(`/api/v1/tasks/${calc?.id}/complete`, { note: 'Mit Kundin abgestimmt' });
    await settle();
    expect(await stageKey(thomas)).toBe('offer');
    const docs = (await thomas.api.get(`/api/v1/deals/${dealId}/documents`)).body.data;
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ kind: 'offer', number: 'AN-2026-0001', netCents: 172700, grossCents: 205513 });
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/documents/${docs[0].id}/pdf`,
      headers: { authorization: `Bearer ${thomas.token}` },
    });
    const text = pdfPages(pdf.rawPayload).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Anna Schmidt');
    expect(text).toContain('3 Fenster 120×140 cm, Wohnzimmer');
    expect(text).toContain('Gesamtbetrag 2.055,13 €');
    const notes = (await thomas.api.get('/api/v1/notifications')).body.data.map((n: { title: string }) => n.title);
    expect(notes.some((x: string) => x.startsWith('Angebot erstellt'))).toBe(true);
  });

  it('6 paid: the deal moves to installation and the installer gets a task at installationAt and a notice', async () => {
    await thomas.api.patch(`/api/v1/deals/${dealId}`, { customFields: { installationAt: '2026-12-08T07:00:00.000Z' } });
    expect(
      (await thomas.api.post(`/api/v1/deals/${dealId}/payments`, { amountCents: 205513, method: 'Überweisung' })).status,
    ).toBe(201);
    await settle();
    expect(await stageKey(thomas)).toBe('installation');
    const [job] = await openTasks(stefan);
    expect(job).toMatchObject({ type: 'installation', dealId, dueAt: '2026-12-08T07:00:00.000Z' });
    expect((await stefan.api.get('/api/v1/notifications')).body.data[0]).toMatchObject({
      kind: 'task.assigned',
      entityId: job?.id,
    });
    await smtp.waitFor((m) => m.to.includes('stefan@example.de') && m.subject.startsWith('Neue Aufgabe: Montage'));
  });

  it('7 installed: the deal is won and the head gets a report with the amount and each step’s time', async () => {
    t.clock.set('2026-12-08T10:00:00.000Z');
    await relogin();
    const [job] = await openTasks(stefan);
    await stefan.api.post(`/api/v1/tasks/${job?.id}/complete`, { note: 'Montiert, Kundin zufrieden' });
    await settle();
    const deal = (await thomas.api.get(`/api/v1/deals/${dealId}`)).body;
    expect(deal.status).toBe('won');
    const report = (await head.api.get('/api/v1/notifications')).body.data.find(
      (n: { kind: string }) => n.kind === 'deal.report',
    );
    expect(report).toMatchObject({
      entityType: 'deal',
      entityId: dealId,
      title: 'Abgeschlossen: Anfrage Anna Schmidt (2.055,13 €)',
    });
    expect(report.body).toContain('Neue Anfrage:');
    expect(report.body).toContain('Montage:');
    const mail = await smtp.waitFor((m) => m.to.includes('sabine@example.de') && m.subject.startsWith('Auftrag abgeschlossen'));
    expect(mail.text).toContain('2.055,13 €');
    expect(mail.text).toContain('Kalkulation:');
    // the head switches to English: the same report now reads in English
    await head.api.patch('/api/v1/auth/me', { locale: 'en' });
    const english = (await head.api.get('/api/v1/notifications')).body.data.find((n: { id: string }) => n.id === report.id);
    expect(english.title).toBe('Completed: Anfrage Anna Schmidt (€2,055.13)');
    expect(english.body).toMatch(/New inquiry: \d+ (min|h|d)\b.* · Installation: .* · Total \d+ (min|h|d)/);
    await head.api.patch('/api/v1/auth/me', { locale: 'de' });

    // call, measurement planned, on to calculation, its task, on to the offer, the offer, paid, the installer, won, report
    const runs = (await admin.api.get(`/api/v1/workflow-runs?dealId=${dealId}`)).body.data;
    expect(runs).toHaveLength(10);
    expect(runs.every((r: { status: string }) => r.status === 'done')).toBe(true);
    expect(await taskCounts(dealId)).toEqual({ call: 1, measurement: 1, calculation: 1, installation: 1 });
    expect(await reportsFor(dealId)).toBe(1);
    const history = (await thomas.api.get(`/api/v1/deals/${dealId}/history`)).body.data;
    expect(history).toHaveLength(6);
  });
});

// The same process, driven the ways staff actually work: fields before or after ticking off a task, the card moved
// on the board by hand, the results written in the completion note. Every step still happens, exactly once.
describe('measure-and-install, in the orders staff actually use', () => {
  let stages: Record<string, string>;
  const deal = async (id: string) => (await admin.api.get(`/api/v1/deals/${id}`)).body;
  const keyOf = async (id: string) => {
    const d = await deal(id);
    return Object.entries(stages).find(([, stageId]) => stageId === d.stageId)?.[0];
  };
  const tasks = async (id: string, type: string) =>
    (
      (await admin.api.get(`/api/v1/tasks?dealId=${id}&type=${type}&limit=200`)).body.data as {
        id: string;
        status: string;
        dueAt: string;
        assigneeId: string;
      }[]
    ).filter((x) => x.status !== 'canceled');
  async function lead(first: string, last: string) {
    const res = await new Api(t.app).post(`/api/v1/forms/${install.formKey}/submissions`, {
      firstName: first,
      lastName: last,
      email: `${first}.${last}@example.de`.toLowerCase(),
      phone: '0221 555000',
    });
    expect(res.status, res.text).toBe(201);
    await settle();
    const id = (await admin.api.get(`/api/v1/deals?pipelineId=${install.pipelineId}&q=${encodeURIComponent(last)}`)).body.data[0]
      .id as string;
    const [call] = await tasks(id, 'call');
    expect(call).toBeDefined();
    return { id, callId: call?.id as string };
  }
  const patch = async (s: Session, id: string, body: Record<string, unknown>) => {
    const res = await s.api.patch(`/api/v1/deals/${id}`, body);
    expect(res.status, res.text).toBe(200);
    await settle();
  };
  const complete = async (s: Session, taskId: string, note?: string) => {
    const res = await s.api.post(`/api/v1/tasks/${taskId}/complete`, note ? { note } : {});
    expect(res.status, res.text).toBe(200);
    await settle();
  };
  const visitAt = '2026-12-10T09:00:00.000Z';

  beforeAll(async () => {
    t.clock.set('2026-12-09T08:00:00.000Z');
    await relogin();
    const pipeline = (await admin.api.get(`/api/v1/pipelines/${install.pipelineId}`)).body;
    stages = Object.fromEntries(pipeline.stages.map((x: { key: string; id: string }) => [x.key, x.id]));
  });

  it('its web form takes a lead with a first name and an e-mail address only; the manager gets the call task', async () => {
    const res = await new Api(t.app).post(`/api/v1/forms/${install.formKey}/submissions`, {
      firstName: 'Frieda',
      email: 'frieda@example.de',
    });
    expect(res.status, res.text).toBe(201);
    await settle();
    const [lead] = (await admin.api.get(`/api/v1/deals?pipelineId=${install.pipelineId}&q=Frieda`)).body.data;
    expect(lead).toMatchObject({ ownerId: thomas.user.id, title: 'Anfrage Frieda' });
    expect(await taskCounts(lead.id)).toEqual({ call: 1 });
    const none = await new Api(t.app).post(`/api/v1/forms/${install.formKey}/submissions`, { firstName: 'Frieda' });
    expect(none.status).toBe(400);
    expect(none.body.errors.map((e: { path: string }) => e.path)).toEqual(['email', 'phone']);
  });

  it('(B) visit date and the move to “Aufmaß” in one PATCH, then the call ticked off: one measurement task', async () => {
    const { id, callId } = await lead('Bernd', 'Berger');
    await patch(thomas, id, { customFields: { visitAt }, stageId: stages.measurement });
    // the call is not done yet: the measurer waits for it
    expect(await tasks(id, 'measurement')).toHaveLength(0);
    await complete(thomas, callId, 'Termin vereinbart');
    const measure = await tasks(id, 'measurement');
    expect(measure).toHaveLength(1);
    expect(measure[0]).toMatchObject({ status: 'open', dueAt: visitAt, assigneeId: markus.user.id });
    expect(await keyOf(id)).toBe('measurement');
    // the date moved once more: still one task
    await patch(thomas, id, { customFields: { visitAt: '2026-12-11T09:00:00.000Z' } });
    expect(await taskCounts(id)).toEqual({ call: 1, measurement: 1 });
  });

  it('(C) the call ticked off first, the visit date (and the stage) filled afterwards: one measurement task', async () => {
    const first = await lead('Clara', 'Conrad');
    await complete(thomas, first.callId, 'Kundin meldet sich mit einem Termin');
    expect(await tasks(first.id, 'measurement')).toHaveLength(0);
    expect(await keyOf(first.id)).toBe('inquiry');
    await patch(thomas, first.id, { customFields: { visitAt } });
    expect(await tasks(first.id, 'measurement')).toHaveLength(1);
    expect((await tasks(first.id, 'measurement'))[0]?.dueAt).toBe(visitAt);
    expect(await keyOf(first.id)).toBe('measurement');

    const second = await lead('Carl', 'Cramer');
    await complete(thomas, second.callId);
    await patch(thomas, second.id, { customFields: { visitAt }, stageId: stages.measurement });
    expect(await taskCounts(second.id)).toEqual({ call: 1, measurement: 1 });
    expect(await keyOf(second.id)).toBe('measurement');
  });

  it('(D) the measurements written in the completion note: they fill the field, and the estimator gets one task', async () => {
    const { id, callId } = await lead('Dora', 'Dietz');
    await patch(thomas, id, { customFields: { visitAt } });
    await complete(thomas, callId);
    const [measure] = await tasks(id, 'measurement');
    await relogin();
    await complete(markus, measure?.id as string, 'Maße: 2 Fenster 100×120 cm, Küche');
    expect((await deal(id)).customFields.measurements).toBe('Maße: 2 Fenster 100×120 cm, Küche');
    expect(await keyOf(id)).toBe('calculation');
    const calc = await tasks(id, 'calculation');
    expect(calc).toHaveLength(1);
    expect(calc[0]?.assigneeId).toBe(petra.user.id);

    // field filled and the job completed (the note too): still one calculation task
    const other = await lead('Dirk', 'Decker');
    await patch(thomas, other.id, { customFields: { visitAt } });
    await complete(thomas, other.callId);
    const [job] = await tasks(other.id, 'measurement');
    await patch(markus, other.id, { customFields: { measurements: '1 Tür 90×200 cm' } });
    await complete(markus, job?.id as string, 'Maße: 1 Tür');
    expect((await deal(other.id)).customFields.measurements).toBe('1 Tür 90×200 cm');
    expect(await taskCounts(other.id)).toEqual({ call: 1, measurement: 1, calculation: 1 });
  });

  it('(D) the job completed without any results: the owner is asked for them, and filling them in goes on', async () => {
    const { id, callId } = await lead('Doris', 'Dahl');
    await patch(thomas, id, { customFields: { visitAt } });
    await complete(thomas, callId);
    const [measure] = await tasks(id, 'measurement');
    await complete(markus, measure?.id as string);
    expect(await keyOf(id)).toBe('measurement');
    expect(await tasks(id, 'calculation')).toHaveLength(0);
    const asked = (await thomas.api.get('/api/v1/notifications')).body.data.find(
      (n: { title: string }) => n.title === 'Aufmaß ohne Maße: Anfrage Doris Dahl',
    );
    expect(asked).toMatchObject({ entityType: 'deal', entityId: id });
    await patch(thomas, id, { customFields: { measurements: '4 Fenster 80×100 cm' } });
    expect(await keyOf(id)).toBe('calculation');
    expect(await taskCounts(id)).toEqual({ call: 1, measurement: 1, calculation: 1 });
  });

  it('(E) moved to “Montage” and then to “Gewonnen” by hand: the installer’s task and notice, one report', async () => {
    const { id, callId } = await lead('Emil', 'Engel');
    await complete(thomas, callId);
    await patch(thomas, id, {
      amountCents: 100000,
      customFields: { installationAt: '2026-12-15T07:00:00.000Z' },
      stageId: stages.installation,
    });
    const [job] = await tasks(id, 'installation');
    expect(job).toMatchObject({ assigneeId: stefan.user.id, dueAt: '2026-12-15T07:00:00.000Z', status: 'open' });
    expect((await stefan.api.get('/api/v1/notifications')).body.data[0]).toMatchObject({
      kind: 'task.assigned',
      entityId: job?.id,
    });
    // paid while already in "Montage": nothing more
    expect((await thomas.api.post(`/api/v1/deals/${id}/payments`, { amountCents: 119000 })).status).toBe(201);
    await settle();
    expect(await keyOf(id)).toBe('installation');
    await patch(thomas, id, { stageId: stages.won });
    expect((await deal(id)).status).toBe('won');
    expect(await reportsFor(id)).toBe(1);
    // the installer ticks off the job afterwards: no second report
    await complete(stefan, job?.id as string, 'Montiert');
    expect(await reportsFor(id)).toBe(1);
    expect(await taskCounts(id)).toEqual({ call: 1, installation: 1 });
  });

  it('(E) in “Montage” before the date is known: a notice now, the task once the date is in; completing it reports once', async () => {
    const { id, callId } = await lead('Erika', 'Ernst');
    await complete(thomas, callId);
    await patch(thomas, id, { stageId: stages.installation });
    expect(await tasks(id, 'installation')).toHaveLength(0);
    const notice = (await stefan.api.get('/api/v1/notifications')).body.data[0];
    expect(notice).toMatchObject({ title: 'Montage steht an: Anfrage Erika Ernst', entityId: id });
    const calls = await tasks(id, 'call');
    expect(calls.filter((x) => x.status === 'open')).toHaveLength(1); // the owner agrees the date
    await patch(thomas, id, { customFields: { installationAt: '2026-12-16T07:00:00.000Z' } });
    const [job] = await tasks(id, 'installation');
    expect(job).toMatchObject({ assigneeId: stefan.user.id, dueAt: '2026-12-16T07:00:00.000Z' });
    // moved out and back in: still one job
    await patch(thomas, id, { stageId: stages.offer });
    await patch(thomas, id, { stageId: stages.installation });
    expect(await tasks(id, 'installation')).toHaveLength(1);
    await complete(stefan, job?.id as string);
    expect((await deal(id)).status).toBe('won');
    expect(await reportsFor(id)).toBe(1);
  });

  it('(E) paid before the date is in: to “Montage”, the task follows the date; a won deal stays won when paid', async () => {
    const { id, callId } = await lead('Egon', 'Eck');
    await complete(thomas, callId);
    await patch(thomas, id, { amountCents: 50000 });
    expect((await thomas.api.post(`/api/v1/deals/${id}/payments`, { amountCents: 59500 })).status).toBe(201);
    await settle();
    expect(await keyOf(id)).toBe('installation');
    await patch(thomas, id, { customFields: { installationAt: '2026-12-17T07:00:00.000Z' } });
    expect(await tasks(id, 'installation')).toHaveLength(1);

    const won = await lead('Edda', 'Eich');
    await patch(thomas, won.id, { amountCents: 10000, stageId: stages.won });
    expect(await reportsFor(won.id)).toBe(1);
    expect((await thomas.api.post(`/api/v1/deals/${won.id}/payments`, { amountCents: 11900 })).status).toBe(201);
    await settle();
    expect(await keyOf(won.id)).toBe('won');
    expect(await reportsFor(won.id)).toBe(1);
    expect(await tasks(won.id, 'installation')).toHaveLength(0);
  });
});

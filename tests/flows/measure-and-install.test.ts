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
    expect(install.workflowIds).toHaveLength(6);
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

    const runs = (await admin.api.get(`/api/v1/workflow-runs?dealId=${dealId}`)).body.data;
    expect(runs).toHaveLength(6);
    expect(runs.every((r: { status: string }) => r.status === 'done')).toBe(true);
    const history = (await thomas.api.get(`/api/v1/deals/${dealId}/history`)).body.data;
    expect(history).toHaveLength(6);
  });
});

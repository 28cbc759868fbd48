/// <reference lib="dom" />
import { createHmac } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { launchBrowser, openPage, screenshot, type TestBrowser, trackPageProblems } from '../support/browser.ts';
import { createTeam, createUser, PASSWORD, type Session, setupAdmin } from '../support/factories.ts';
import { choose, field, heading, login, waitForPath } from './ui.ts';

// Automation end to end: templates, the no-code editor, a workflow that works on a won deal, a web form
// embedded in a page from another origin, the runs log — the real server and the built SPA in Chromium.
const SHOTS = 'automation';

let t: TestApp;
let chrome: TestBrowser;
let baseURL: string;
let context: BrowserContext;
let page: Page;
let problems: string[];
let other: Page | undefined;
let admin: Session;
let head: Session;
let thomas: Session;
let sales: { id: string };
/** The other website (a second origin) that embeds the form. */
let site: http.Server | undefined;
let siteHtml = '';
/** A webhook receiver on 127.0.0.1 (allowed for this server with KONTOR_WEBHOOK_ALLOW_PRIVATE). */
let receiver: http.Server | undefined;
const hooks: { headers: http.IncomingHttpHeaders; body: string }[] = [];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Lets events start runs and the scheduler execute their steps. */
async function settle() {
  for (let i = 0; i < 4; i++) {
    await t.app.ctx.events.drain();
    await t.app.scheduler.tick();
  }
}

async function workflowByName(name: string) {
  const list = (await admin.api.get('/api/v1/workflows')).body.data as {
    id: string;
    name: string;
    definitionVersion: number;
    steps: { due?: { minutes?: number } }[];
  }[];
  const wf = list.find((w) => w.name === name);
  if (!wf) throw new Error(`no workflow ${name}`);
  return wf;
}

const openTasks = async (s: Session) =>
  (await s.api.get('/api/v1/tasks?mine=true&status=open')).body.data as { id: string; title: string; dealId: string }[];

describe('automation: workflows, editor, runs and web forms in a real browser', () => {
  beforeAll(async () => {
    const port = await freePort();
    baseURL = `http://127.0.0.1:${port}`;
    // The embed snippet posts to the public address: make it this server. Webhooks may call 127.0.0.1 (the
    // test's receiver); every other private address stays refused.
    t = await buildTestApp({
      webDist: path.resolve('dist/web'),
      env: { KONTOR_PUBLIC_URL: baseURL, KONTOR_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1' },
    });
    await t.app.listen({ port, host: '127.0.0.1' });
    admin = await setupAdmin(t);
    const team = await createTeam(admin, { name: 'Vertrieb' });
    sales = team;
    head = await createUser(t, admin, { role: 'head', teamId: team.id, name: 'Sabine Hoffmann', email: 'sabine@example.de' });
    thomas = await createUser(t, admin, { role: 'manager', teamId: team.id, name: 'Thomas Becker', email: 'thomas@example.de' });
    await createUser(t, admin, { role: 'specialist', name: 'Markus Schulz', email: 'markus@example.de' });
    await createUser(t, admin, { role: 'manager', name: 'Petra Neumann', email: 'petra@example.de' });
    await createUser(t, admin, { role: 'specialist', name: 'Stefan Koch', email: 'stefan@example.de' });
    chrome = await launchBrowser();
    ({ context, page } = await openPage(chrome.browser, { baseURL }));
    problems = trackPageProblems(page);
  });

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      await screenshot(page, SHOTS, `failed-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`);
      if (other && !other.isClosed())
        await screenshot(other, SHOTS, `failed-other-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 50)}`);
    });
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
    receiver?.closeAllConnections();
    await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
    await context?.close();
    await chrome?.close();
    await t?.close();
  });

  it('installs the reference process from its template, with roles mapped to people', async () => {
    await page.goto('/admin/automation');
    await waitForPath(page, '/login');
    await login(page, admin.user.email, PASSWORD);
    await heading(page, 'Automatisierung');
    await page.getByText('Noch keine Workflows').waitFor();
    await page.getByRole('button', { name: 'Aus Vorlage installieren' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Vorlagen für Abläufe' });
    await dialog.getByText('Online-Shop: Nachfassen').waitFor();
    await dialog.getByRole('button', { name: 'Vorlage „Aufmaß und Montage“ auswählen' }).click();
    await choose(page, dialog, 'Vertriebsteam', 'Vertrieb');
    await choose(page, dialog, 'Abteilungsleitung', 'Sabine Hoffmann');
    await choose(page, dialog, 'Aufmaß', 'Markus Schulz');
    await choose(page, dialog, 'Kalkulation', 'Petra Neumann');
    await choose(page, dialog, 'Montage', 'Stefan Koch');
    await expect.poll(() => field(dialog, 'Rückruf innerhalb (Minuten)').inputValue()).toBe('15');
    await screenshot(page, SHOTS, '01-install-template');
    await dialog.getByRole('button', { name: 'Installieren' }).click();
    await page.getByText('„Aufmaß und Montage“ installiert: 13 Workflows').waitFor();
    await expect.poll(() => page.locator('[data-workflow]').count()).toBe(13);
    const first = page.locator('[data-workflow="1 · Neue Web-Anfrage: Rückruf"]');
    await expect
      .poll(() => first.getByTestId('trigger-summary').textContent())
      .toBe('Web-Formular abgeschickt · Formular anfrage');
    const paid = page.locator('[data-workflow="5 · Bezahlt: Montage"]');
    await expect.poll(() => paid.getByTestId('trigger-summary').textContent()).toBe('Deal bezahlt · Aufmaß & Montage');
    await expect
      .poll(() => first.getByRole('switch', { name: 'Workflow „1 · Neue Web-Anfrage: Rückruf“ aktiv' }).isChecked())
      .toBe(true);
    await screenshot(page, SHOTS, '02-workflows');
    // a step's own condition shows in the editor: the measurement task is created once per deal
    await page.getByRole('link', { name: '2 · Rückruf erledigt: Aufmaß planen' }).click();
    await heading(page, '2 · Rückruf erledigt: Aufmaß planen');
    const guard = page
      .getByRole('region', { name: 'Schritt 1: Aufgabe erstellen' })
      .getByRole('group', { name: 'Nur ausführen, wenn …' });
    await expect
      .poll(() => guard.getByRole('combobox', { name: 'Feld', exact: true }).first().inputValue())
      .toBe('Offene Aufgaben (Typen)');
    await expect
      .poll(() => guard.getByRole('combobox', { name: 'Vergleich', exact: true }).first().inputValue())
      .toBe('enthält nicht');
    await screenshot(page, SHOTS, '02b-step-condition');
    await page.goto('/admin/automation');
    await page.locator('[data-workflow]').first().waitFor();
  });

  it('edits the call-back time in the editor and saves it as a new version', async () => {
    await page.getByRole('link', { name: '1 · Neue Web-Anfrage: Rückruf' }).click();
    await heading(page, '1 · Neue Web-Anfrage: Rückruf');
    await page.getByText('Speichern legt Version 2 an. Bereits laufende Instanzen beenden ihre alte Version.').waitFor();
    const step = page.getByRole('region', { name: 'Schritt 1: Aufgabe erstellen' });
    await expect
      .poll(() => field(step, 'Titel der Aufgabe').inputValue())
      .toBe('Kunden anrufen: {{contact.name}} – Auftrag klären');
    await expect.poll(() => field(step, 'Fällig nach').inputValue()).toBe('15');
    await expect.poll(() => step.getByRole('switch', { name: 'Nur Geschäftszeiten zählen' }).isChecked()).toBe(true);
    await field(step, 'Fällig nach').fill('30');
    await screenshot(page, SHOTS, '03-editor-template');
    await page.getByRole('button', { name: 'Als neue Version speichern' }).click();
    await page.getByText('Gespeichert als Version 2').waitFor();
    const wf = await workflowByName('1 · Neue Web-Anfrage: Rückruf');
    expect(wf.definitionVersion).toBe(2);
    expect(wf.steps[0]?.due).toEqual({ type: 'relative', minutes: 30, businessHours: true });
    await page.getByText('Speichern legt Version 3 an. Bereits laufende Instanzen beenden ihre alte Version.').waitFor();
  });

  it('builds “deal won → task for the owner” from scratch; the server’s errors land at their fields', async () => {
    await page.goto('/admin/automation');
    await page.getByRole('link', { name: 'Neuer Workflow' }).click();
    await heading(page, 'Neuer Workflow');
    await field(page, 'Name').fill('Gewonnen: Dankeschön-Anruf');
    await choose(page, page, 'Auslöser', 'Deal gewonnen');
    await page.getByRole('button', { name: 'Bedingung hinzufügen' }).click();
    await choose(page, page, 'Feld', 'Betrag');
    await choose(page, page, 'Vergleich', 'mindestens');
    await page.getByRole('textbox', { name: 'Wert' }).fill('1000');
    await page.getByRole('button', { name: 'Schritt hinzufügen' }).click();
    await page.getByRole('menuitem', { name: 'Aufgabe erstellen' }).click();
    const step = page.getByRole('region', { name: 'Schritt 1: Aufgabe erstellen' });
    // Saved without a title: the server refuses and its error shows at the title.
    await page.getByRole('button', { name: 'Workflow anlegen' }).click();
    const title = field(step, 'Titel der Aufgabe');
    await expect.poll(() => title.getAttribute('aria-invalid')).toBe('true');
    await step.getByText('Bitte ausfüllen.').waitFor();
    await screenshot(page, SHOTS, '04-editor-error');
    await title.fill('Danke sagen: {{contact.name}}');
    await choose(page, step, 'Aufgabentyp', 'Anruf');
    await field(step, 'Fällig nach').fill('2');
    await choose(page, step, 'Einheit für Fällig nach', 'Stunden');
    await page.getByRole('button', { name: 'Workflow anlegen' }).click();
    await page.getByText('Workflow „Gewonnen: Dankeschön-Anruf“ angelegt').waitFor();
    await page.waitForURL((url) => /^\/admin\/automation\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
    await heading(page, 'Gewonnen: Dankeschön-Anruf');
    await screenshot(page, SHOTS, '05-editor-new');

    const stored = (await admin.api.get('/api/v1/workflows')).body.data.find(
      (w: { name: string }) => w.name === 'Gewonnen: Dankeschön-Anruf',
    );
    expect(stored).toMatchObject({
      enabled: true,
      trigger: { type: 'deal.won' },
      conditions: { all: [{ field: 'deal.amountCents', op: 'gte', value: 100000 }] },
      steps: [
        {
          type: 'create_task',
          title: 'Danke sagen: {{contact.name}}',
          taskType: 'call',
          assignee: { type: 'owner' },
          due: { type: 'relative', minutes: 120 },
        },
      ],
    });

    // Thomas wins a big deal through the API: the workflow gives him the task.
    const pipeline = (await thomas.api.get('/api/v1/pipelines')).body.data.find((p: { isDefault: boolean }) => p.isDefault);
    const won = pipeline.stages.find((s: { kind: string }) => s.kind === 'won');
    const contact = (await thomas.api.post('/api/v1/contacts', { firstName: 'Klaus', lastName: 'Wagner' })).body;
    const deal = (
      await thomas.api.post('/api/v1/deals', {
        title: 'Fenster Wagner',
        pipelineId: pipeline.id,
        contactId: contact.id,
        amountCents: 250000,
      })
    ).body;
    const small = (
      await thomas.api.post('/api/v1/deals', { title: 'Kleinauftrag Wagner', pipelineId: pipeline.id, amountCents: 5000 })
    ).body;
    expect((await thomas.api.patch(`/api/v1/deals/${deal.id}`, { stageId: won.id })).status).toBe(200);
    expect((await thomas.api.patch(`/api/v1/deals/${small.id}`, { stageId: won.id })).status).toBe(200);
    await settle();
    const tasks = await openTasks(thomas);
    expect(tasks.filter((x) => x.title === 'Danke sagen: Klaus Wagner')).toHaveLength(1);
    expect(tasks.find((x) => x.title === 'Danke sagen: Klaus Wagner')?.dealId).toBe(deal.id);

    // The runs log shows the run with its step and result.
    await page.getByRole('link', { name: 'Läufe' }).click();
    await waitForPath(page, '/admin/automation/runs');
    const run = page.locator('[data-run][data-status="done"]');
    await expect.poll(() => run.count()).toBe(1);
    await run.getByRole('button').first().click();
    await run.locator('[data-step-type="create_task"]').getByText('Erledigt').waitFor();
    await run.getByText('"assigneeId"').waitFor();
    await screenshot(page, SHOTS, '06-runs');
  });

  it('test-runs a workflow on a chosen deal and shows the run', async () => {
    await page.goto('/admin/automation');
    await page.getByRole('link', { name: 'Gewonnen: Dankeschön-Anruf' }).click();
    await heading(page, 'Gewonnen: Dankeschön-Anruf');
    await page.getByRole('button', { name: 'Testlauf' }).click();
    const dialog = page.getByRole('dialog', { name: 'Testlauf' });
    await dialog.getByRole('combobox', { name: 'Datensatz' }).fill('Fenster Wag');
    await page.getByRole('option', { name: /^Fenster Wagner/ }).click();
    await dialog.getByRole('button', { name: 'Jetzt ausführen' }).click();
    const result = dialog.getByTestId('test-run-result');
    await result.locator('[data-status="done"]').waitFor();
    await result.locator('[data-step-type="create_task"]').waitFor();
    await screenshot(page, SHOTS, '07-test-run');
    await page.keyboard.press('Escape');
    expect((await openTasks(thomas)).filter((x) => x.title === 'Danke sagen: Klaus Wagner')).toHaveLength(2);
  });

  it('creates a web form; its copied snippet on another origin brings in a lead and the manager’s call task', async () => {
    const sitePort = await freePort();
    const siteOrigin = `http://127.0.0.1:${sitePort}`;
    await page.goto('/admin/automation/forms');
    await heading(page, 'Web-Formulare');
    // the reference process brought its own form
    await page.locator('[data-form="anfrage"]').waitFor();
    await page.getByRole('link', { name: 'Neues Formular' }).click();
    await heading(page, 'Neues Web-Formular');
    await field(page, 'Name').fill('Kontakt Website');
    await expect.poll(() => field(page, 'Schlüssel').inputValue()).toBe('kontakt-website');
    await choose(page, page, 'Team', 'Vertrieb');
    await page.getByRole('combobox', { name: 'Erlaubte Websites' }).fill(siteOrigin);
    await page.keyboard.press('Enter');
    await page.getByText('Spam-Schutz ist automatisch dabei', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Formular angelegt: jetzt den Code einfügen').waitFor();
    await page.waitForURL((url) => /^\/admin\/automation\/forms\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
    await page.getByTestId('embed-snippet').waitFor();
    await page.getByRole('button', { name: 'Code kopieren' }).click();
    await page.getByRole('button', { name: 'Kopiert' }).waitFor();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toContain(`action="${baseURL}/api/v1/forms/kontakt-website/submissions"`);
    expect(snippet).toBe(await page.getByTestId('embed-snippet').textContent());
    await screenshot(page, SHOTS, '08-form-snippet');
    const form = (await admin.api.get('/api/v1/forms')).body.data.find((f: { key: string }) => f.key === 'kontakt-website');
    expect(form).toMatchObject({ ownerRule: { type: 'team', teamId: sales.id }, allowedOrigins: [siteOrigin] });

    // The call-back workflow for this form (the editor was covered above).
    const created = await admin.api.post('/api/v1/workflows', {
      name: 'Web-Anfrage: Rückruf',
      trigger: { type: 'form.submitted', formKey: 'kontakt-website' },
      steps: [
        {
          type: 'create_task',
          title: 'Rückruf: {{contact.name}}',
          taskType: 'call',
          assignee: { type: 'owner' },
          due: { type: 'relative', minutes: 15 },
        },
      ],
    });
    expect(created.status, created.text).toBe(201);

    // Another website, on another origin, with the pasted snippet.
    siteHtml = `<!doctype html><html lang="de"><meta charset="utf-8"><title>Fensterbau Müller</title><body><h1>Anfrage</h1>\n${snippet}\n</body></html>`;
    site = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(siteHtml);
    });
    await new Promise<void>((resolve) => site?.listen(sitePort, '127.0.0.1', resolve));
    const visitor = await openPage(chrome.browser, { baseURL: siteOrigin });
    other = visitor.page;
    const requests: string[] = [];
    visitor.page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    await visitor.page.goto('/?utm_source=google&utm_campaign=fenster');
    await field(visitor.page, 'Vorname').fill('Anna');
    await field(visitor.page, 'Nachname').fill('Schmidt');
    await field(visitor.page, 'E-Mail').fill('anna.schmidt@example.de');
    await field(visitor.page, 'Telefon').fill('0221 123456');
    await field(visitor.page, 'Ihre Anfrage').fill('Drei Fenster im Wohnzimmer');
    await visitor.page.getByRole('button', { name: 'Absenden' }).click();
    await visitor.page.getByRole('status').getByText('Vielen Dank! Wir melden uns in Kürze.').waitFor();
    await screenshot(visitor.page, SHOTS, '09-foreign-site');
    // sent by the script (fetch, CORS), not as a page navigation
    expect(requests).toContain(`POST ${baseURL}/api/v1/forms/kontakt-website/submissions`);
    expect(new URL(visitor.page.url()).origin).toBe(siteOrigin);
    await visitor.context.close();

    await settle();
    const contacts = (await admin.api.get('/api/v1/contacts?q=Schmidt')).body.data;
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({
      email: 'anna.schmidt@example.de',
      source: 'web:google/fenster',
      ownerId: thomas.user.id,
    });
    const deals = (await admin.api.get(`/api/v1/deals?contactId=${contacts[0].id}`)).body.data;
    expect(deals).toHaveLength(1);
    expect(deals[0]).toMatchObject({ ownerId: thomas.user.id, title: 'Anfrage Anna Schmidt' });
    const call = (await openTasks(thomas)).find((x) => x.title === 'Rückruf: Anna Schmidt');
    expect(call?.dealId).toBe(deals[0].id);

    // Thomas logs in and sees his call task.
    const manager = await openPage(chrome.browser, { baseURL });
    other = manager.page;
    await manager.page.goto('/tasks');
    await waitForPath(manager.page, '/login');
    await login(manager.page, thomas.user.email, PASSWORD);
    await heading(manager.page, 'Aufgaben');
    await manager.page.getByText('Rückruf: Anna Schmidt').first().waitFor();
    await screenshot(manager.page, SHOTS, '10-manager-task');
    await manager.context.close();

    // The runs log, filtered to this deal, shows the run.
    await page.goto(`/admin/automation/runs?record=deal&recordId=${encodeURIComponent(deals[0].id)}`);
    await heading(page, 'Läufe');
    const runs = page.locator('[data-run]');
    await expect.poll(() => runs.count()).toBe(1);
    await runs.getByText('Web-Anfrage: Rückruf').waitFor();
    await runs.locator('[data-run-status="done"]').waitFor();
    // a head is no admin: the automation pages are not theirs
    expect((await head.api.get('/api/v1/workflows')).status).toBe(403);
  });

  it('lets a manager (no admin) start a manual workflow on his own deal', async () => {
    const res = await admin.api.post('/api/v1/workflows', {
      name: 'Nachfassen per Knopfdruck',
      trigger: { type: 'manual', entity: 'deal' },
      steps: [{ type: 'create_task', title: 'Nachfassen: {{deal.title}}', assignee: { type: 'owner' } }],
    });
    expect(res.status, res.text).toBe(201);
    // a disabled manual workflow and one for contacts are not offered on a deal
    for (const body of [
      { name: 'Abgeschaltet', enabled: false, trigger: { type: 'manual', entity: 'deal' } },
      { name: 'Nur für Kontakte', trigger: { type: 'manual', entity: 'contact' } },
    ])
      expect((await admin.api.post('/api/v1/workflows', { ...body, steps: [{ type: 'wait', minutes: 1 }] })).status).toBe(201);
    const deal = (await thomas.api.get('/api/v1/deals?q=Fenster%20Wagner')).body.data[0];
    expect(deal.ownerId).toBe(thomas.user.id);

    const manager = await openPage(chrome.browser, { baseURL });
    other = manager.page;
    const managerProblems = trackPageProblems(manager.page);
    await manager.page.goto(`/deals/${deal.id}`);
    await waitForPath(manager.page, '/login');
    await login(manager.page, thomas.user.email, PASSWORD);
    await heading(manager.page, 'Fenster Wagner');
    await manager.page.getByRole('button', { name: 'Workflow starten' }).click();
    await manager.page.getByRole('menuitem', { name: 'Nachfassen per Knopfdruck' }).waitFor();
    await expect.poll(() => manager.page.getByRole('menuitem').allInnerTexts()).toEqual(['Nachfassen per Knopfdruck']);
    await screenshot(manager.page, SHOTS, '11-deal-manual-manager');
    await manager.page.getByRole('menuitem', { name: 'Nachfassen per Knopfdruck' }).click();
    await manager.page.getByText('„Nachfassen per Knopfdruck“: Fertig').waitFor();
    // the effect: a new task, in the deal's timeline and in his task list
    await manager.page.getByText('Nachfassen: Fenster Wagner').first().waitFor();
    await screenshot(manager.page, SHOTS, '11-deal-manual-manager-done');
    await manager.page.goto('/tasks');
    await heading(manager.page, 'Aufgaben');
    await manager.page.getByRole('tab', { name: 'Ohne Termin' }).click();
    await manager.page.getByText('Nachfassen: Fenster Wagner').first().waitFor();
    expect((await openTasks(thomas)).some((x) => x.title === 'Nachfassen: Fenster Wagner')).toBe(true);
    expect(managerProblems).toEqual([]);
    await manager.context.close();
  });

  it('adds a webhook step: private targets are refused at the URL, the secret is shown once and signs the call', async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        hooks.push({ headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => receiver?.listen(0, '127.0.0.1', resolve));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as net.AddressInfo).port}/kontor`;

    await page.goto('/admin/automation/new');
    await heading(page, 'Neuer Workflow');
    await field(page, 'Name').fill('Gewonnen: an die Warenwirtschaft');
    await choose(page, page, 'Auslöser', 'Deal gewonnen');
    await page.getByRole('button', { name: 'Schritt hinzufügen' }).click();
    await page.getByRole('menuitem', { name: 'Webhook aufrufen' }).click();
    const step = page.getByRole('region', { name: 'Schritt 1: Webhook aufrufen' });
    await step.getByText('X-Kontor-Signature: t=<unix>,v1=<hex>').waitFor();
    const secretPanel = page.getByRole('region', { name: 'Webhook-Signatur' });
    await expect.poll(() => secretPanel.getByTestId('webhook-secret-status').textContent()).toBe('Noch kein Geheimnis');

    // An address in the internal network (not on the allow-list): refused, and said at the URL field.
    const url = field(step, 'Adresse (URL)');
    await url.fill('http://10.20.30.40/hook');
    await field(step, 'Wartezeit').fill('5');
    await page.getByRole('button', { name: 'Workflow anlegen' }).click();
    await expect.poll(() => url.getAttribute('aria-invalid')).toBe('true');
    await step.getByText('Diese Adresse zeigt ins interne Netz (10.20.30.40).', { exact: false }).waitFor();
    await screenshot(page, SHOTS, '11-webhook-private-refused');
    expect((await admin.api.get('/api/v1/workflows')).body.data.map((w: { name: string }) => w.name)).not.toContain(
      'Gewonnen: an die Warenwirtschaft',
    );

    // The test's own receiver on 127.0.0.1 is allowed: saved, and the secret shown once.
    await url.fill(hookUrl);
    await page.getByRole('button', { name: 'Workflow anlegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Geheimnis für die Webhook-Signatur' });
    await dialog.getByText('Wird nur dieses eine Mal angezeigt', { exact: false }).waitFor();
    const secret = (await dialog.getByTestId('webhook-secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_[\w-]{20,}$/);
    await dialog.getByRole('button', { name: 'Geheimnis kopieren' }).click();
    await dialog.getByRole('button', { name: 'Kopiert' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await screenshot(page, SHOTS, '12-webhook-secret-once');
    await dialog.getByRole('button', { name: 'Gespeichert, schließen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await heading(page, 'Gewonnen: an die Warenwirtschaft');
    await expect.poll(() => secretPanel.getByTestId('webhook-secret-status').textContent()).toBe('Geheimnis gesetzt');
    // never shown again
    await expect.poll(() => page.getByTestId('webhook-secret').count()).toBe(0);
    const stored = (await admin.api.get('/api/v1/workflows')).body.data.find(
      (w: { name: string }) => w.name === 'Gewonnen: an die Warenwirtschaft',
    );
    expect(stored).toMatchObject({
      trigger: { type: 'deal.won' },
      conditions: null,
      steps: [{ type: 'webhook', url: hookUrl, timeoutSeconds: 5 }],
      webhookSecretSet: true,
    });
    expect(stored.webhookSecret).toBeUndefined();
    expect(stored.steps[0]).not.toHaveProperty('secret');

    // Thomas wins a deal: the workflow calls the receiver, signed with the secret that was shown.
    const pipeline = (await thomas.api.get('/api/v1/pipelines')).body.data.find((p: { isDefault: boolean }) => p.isDefault);
    const won = pipeline.stages.find((s: { kind: string }) => s.kind === 'won');
    const winDeal = async (title: string) => {
      const deal = (await thomas.api.post('/api/v1/deals', { title, pipelineId: pipeline.id, amountCents: 9900 })).body;
      expect((await thomas.api.patch(`/api/v1/deals/${deal.id}`, { stageId: won.id })).status).toBe(200);
      await settle();
      return deal as { id: string };
    };
    const verified = (hit: { headers: http.IncomingHttpHeaders; body: string }, key: string) => {
      const [, ts, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(hit.headers['x-kontor-signature'])) ?? [];
      expect(Math.abs(Number(ts) - t.clock.now().getTime() / 1000)).toBeLessThan(120);
      return v1 === createHmac('sha256', key).update(`${ts}.${hit.body}`).digest('hex');
    };
    const deal = await winDeal('Haustür Kaiser');
    await expect.poll(() => hooks.length).toBe(1);
    const hit = hooks[0] as (typeof hooks)[number];
    expect(verified(hit, secret)).toBe(true);
    expect(JSON.parse(hit.body)).toMatchObject({
      event: 'deal.won',
      workflow: { id: stored.id, name: 'Gewonnen: an die Warenwirtschaft' },
      deal: { id: deal.id, title: 'Haustür Kaiser' },
    });

    // A new secret (after a confirmation) is shown once and signs the next call; the old one no longer fits.
    await page.getByRole('button', { name: 'Neues Geheimnis erzeugen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Neues Geheimnis erzeugen?' });
    await confirm.getByText('Das bisherige Geheimnis gilt sofort nicht mehr', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Neues Geheimnis erzeugen' }).click();
    const rotated = page.getByRole('dialog', { name: 'Geheimnis für die Webhook-Signatur' });
    await rotated.getByTestId('webhook-secret').waitFor();
    const secret2 = (await rotated.getByTestId('webhook-secret').textContent()) ?? '';
    expect(secret2).toMatch(/^whsec_/);
    expect(secret2).not.toBe(secret);
    await screenshot(page, SHOTS, '13-webhook-secret-rotated');
    await rotated.getByRole('button', { name: 'Gespeichert, schließen' }).click();
    await rotated.waitFor({ state: 'hidden' });
    await winDeal('Haustür Kaiser 2');
    await expect.poll(() => hooks.length).toBe(2);
    expect(verified(hooks[1] as (typeof hooks)[number], secret2)).toBe(true);
    expect(verified(hooks[1] as (typeof hooks)[number], secret)).toBe(false);
  });

  it('record.updated sends a record-relative field and changedTo null for “cleared”; a schedule takes no conditions', async () => {
    await page.goto('/admin/automation/new');
    await heading(page, 'Neuer Workflow');
    await field(page, 'Name').fill('Quelle geleert');
    await choose(page, page, 'Auslöser', 'Datensatz geändert');
    await choose(page, page, 'Geändertes Feld', 'Quelle');
    await choose(page, page, 'Geändert auf', 'geleert');
    await page.getByRole('button', { name: 'Schritt hinzufügen' }).click();
    await page.getByRole('menuitem', { name: 'Warten', exact: true }).click();
    await page.getByRole('button', { name: 'Workflow anlegen' }).click();
    await page.getByText('Workflow „Quelle geleert“ angelegt').waitFor();
    const stored = (await admin.api.get('/api/v1/workflows')).body.data.find(
      (w: { name: string }) => w.name === 'Quelle geleert',
    );
    expect(stored.trigger).toEqual({ type: 'record.updated', entity: 'deal', field: 'source', changedTo: null });
    await heading(page, 'Quelle geleert');
    await expect.poll(() => page.getByRole('combobox', { name: 'Geändertes Feld' }).inputValue()).toBe('Quelle');
    await expect.poll(() => page.getByRole('combobox', { name: 'Geändert auf' }).inputValue()).toBe('geleert');

    // a schedule runs without a record: no condition builder, a short reason instead
    await choose(page, page, 'Auslöser', 'Zeitplan');
    await page.getByTestId('schedule-no-conditions').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Bedingung hinzufügen' }).count()).toBe(0);
    await page.goto('/admin/automation');
    await expect
      .poll(() => page.locator('[data-workflow="Quelle geleert"]').getByTestId('trigger-summary').textContent())
      .toBe('Datensatz geändert · Deal · Quelle geleert');
  });

  it('fits a 390px phone and speaks English', async () => {
    await admin.api.patch('/api/v1/auth/me', { locale: 'en' });
    const phone = await openPage(chrome.browser, { baseURL, viewport: { width: 390, height: 844 } });
    const p = phone.page;
    other = p;
    const phoneProblems = trackPageProblems(p);
    await p.goto('/admin/automation');
    await login(p, admin.user.email, PASSWORD);
    await heading(p, 'Automation');
    await p.locator('[data-workflow]').first().waitFor();
    await expect
      .poll(() => p.locator('[data-workflow="Gewonnen: Dankeschön-Anruf"]').getByTestId('trigger-summary').textContent())
      .toBe('Deal won');
    await screenshot(p, SHOTS, '14-phone-list-english');
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await p.getByRole('link', { name: '1 · Neue Web-Anfrage: Rückruf' }).click();
    await heading(p, '1 · Neue Web-Anfrage: Rückruf');
    await p.getByText('Saving creates version 3. Runs already under way finish on their old version.').waitFor();
    await p.getByRole('region', { name: 'Step 1: Create task' }).waitFor();
    await screenshot(p, SHOTS, '15-phone-editor-english');
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // the reference process's stages speak English too
    const process = (await admin.api.get('/api/v1/pipelines')).body.data.find(
      (x: { name: string }) => x.name === 'Aufmaß & Montage',
    );
    const lead = (await admin.api.post('/api/v1/deals', { title: 'Inquiry Baker', pipelineId: process.id })).body;
    await p.goto(`/deals/${lead.id}`);
    await heading(p, 'Inquiry Baker');
    for (const name of ['New inquiry', 'Measurement', 'Calculation', 'Offer', 'Installation', 'Won', 'Lost']) {
      await p.getByRole('button', { name, exact: true }).first().waitFor();
    }
    await expect.poll(() => p.locator('main').textContent()).not.toMatch(/Neue Anfrage|Kalkulation/);
    await p.goto('/admin/automation/forms');
    await heading(p, 'Web forms');
    await p.getByRole('link', { name: 'Kontakt Website' }).click();
    await p.getByRole('button', { name: 'Copy code' }).waitFor();
    await screenshot(p, SHOTS, '16-phone-form-english');
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(phoneProblems).toEqual([]);
    await phone.context.close();
  });

  it('raised no page errors, CSP violations or server errors', () => {
    expect(problems).toEqual([]);
  });
});

import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { launchBrowser, openPage, screenshot, type TestBrowser, trackPageProblems } from '../support/browser.ts';
import { createTeam, createUser, PASSWORD, type Session, setupAdmin } from '../support/factories.ts';
import { field, heading, login } from './ui.ts';

// Dashboards and reports in a real browser: a head's dashboard with its charts, a deal moved through the
// API changing the funnel on the open page without reload, the reports page, a phone and English.
const SHOTS = 'reports';
const HOUR = 3_600_000;

let t: TestApp;
let chrome: TestBrowser;
let baseURL: string;
let admin: Session;
let hanna: Session;
let anna: Session;
let ben: Session;
let stages: Record<string, string>;
let openDeal: string;
let bensTask: string;
let context: BrowserContext;
let page: Page;
let problems: string[];

const card = (p: Page, id: string) => p.getByTestId(id);
/** A screenshot with the mouse out of the way (a chart under it would show its tooltip). */
async function shot(p: Page, name: string) {
  await p.mouse.move(1, 1);
  await screenshot(p, SHOTS, name);
}
const funnelWon = (p: Page) => card(p, 'dashboard-funnel').getByTestId('funnel-won');
/** Text as shown, with the no-break spaces of German number formats as plain spaces. */
const text = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\u00a0/g, ' ');
/** The chart itself (legend icons are small SVGs of the same class). */
const chart = (scope: Locator) => scope.locator('.recharts-wrapper > svg.recharts-surface');

async function deal(who: Session, title: string, amountCents: number, moves: string[], extra: Record<string, unknown> = {}) {
  const created = await who.api.post('/api/v1/deals', { title, amountCents, ...extra });
  expect(created.status, created.text).toBe(201);
  for (const key of moves) {
    t.clock.advance(HOUR);
    const body = key === 'lost' ? { stageId: stages.lost, lostReason: 'Zu teuer' } : { stageId: stages[key] };
    const moved = await who.api.patch(`/api/v1/deals/${created.body.id}`, body);
    expect(moved.status, moved.text).toBe(200);
  }
  return created.body.id as string;
}

describe('reports and dashboards in a real browser', () => {
  beforeAll(async () => {
    t = await buildTestApp({ webDist: path.resolve(process.env.KONTOR_E2E_WEB_DIST ?? 'dist/web') });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;

    admin = await setupAdmin(t, { name: 'Max Müller', email: 'max@fensterbau-mueller.de' });
    const nord = await createTeam(admin, { name: 'Vertrieb Nord' });
    hanna = await createUser(t, admin, {
      name: 'Hanna Berger',
      email: 'hanna@fensterbau-mueller.de',
      role: 'head',
      teamId: nord.id,
    });
    anna = await createUser(t, admin, { name: 'Anna Schmidt', email: 'anna@fensterbau-mueller.de', teamId: nord.id });
    ben = await createUser(t, admin, { name: 'Ben Wolf', email: 'ben@fensterbau-mueller.de', teamId: nord.id });
    await admin.api.patch(`/api/v1/teams/${nord.id}`, { headId: hanna.user.id });
    const pipeline = (await admin.api.get('/api/v1/pipelines')).body.data[0];
    stages = Object.fromEntries(pipeline.stages.map((s: { key: string; id: string }) => [s.key, s.id]));

    // This month, a few hours back: won, lost, moving and new deals with calls and tasks.
    const now = t.clock.now();
    t.clock.set(new Date(now.getTime() - 30 * HOUR));
    const d1 = await deal(anna, 'Fenster Schulz', 845_000, ['qualified', 'offer', 'won'], { source: 'website' });
    await anna.api.post('/api/v1/activities', {
      type: 'call',
      dealId: d1,
      occurredAt: new Date(now.getTime() - 29 * HOUR).toISOString(),
    });
    await deal(anna, 'Haustür Meier', 189_000, ['qualified', 'lost'], { source: 'empfehlung' });
    openDeal = await deal(ben, 'Wintergarten Becker', 1_250_000, ['qualified', 'offer'], { source: 'messe' });
    const d4 = await deal(ben, 'Rollläden Kaiser', 240_000, [], { source: 'website' });
    await ben.api.post('/api/v1/activities', {
      type: 'email',
      dealId: d4,
      occurredAt: new Date(now.getTime() - 20 * HOUR).toISOString(),
    });
    await deal(hanna, 'Dachfenster Wolf', 420_000, ['qualified']);
    for (const [who, title, due] of [
      [anna, 'Angebot nachfassen', -5],
      [ben, 'Aufmaß bestätigen', -2],
      [ben, 'Rückruf Kaiser', -1],
      [anna, 'Termin vorbereiten', 30],
    ] as const) {
      const res = await who.api.post('/api/v1/tasks', {
        title,
        type: 'todo',
        dueAt: new Date(now.getTime() + due * HOUR).toISOString(),
      });
      expect(res.status, res.text).toBe(201);
      if (title === 'Rückruf Kaiser') bensTask = res.body.id;
    }
    for (const who of [anna, ben]) await who.api.post('/api/v1/activities', { type: 'note', dealId: openDeal, body: 'Notiz' });
    t.clock.set(now);
    const month = now.toISOString().slice(0, 7);
    await admin.api.request('PUT', '/api/v1/reports/targets', {
      targets: [
        { userId: anna.user.id, month, amountCents: 1_500_000 },
        { userId: ben.user.id, month, amountCents: 1_000_000 },
      ],
    });

    chrome = await launchBrowser();
    ({ context, page } = await openPage(chrome.browser, { baseURL }));
    problems = trackPageProblems(page);
  });

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      await screenshot(page, SHOTS, `failed-${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`);
    });
  });

  afterAll(async () => {
    await context?.close();
    await chrome?.close();
    await t?.close();
  });

  it('shows a head their team’s dashboard with its charts', async () => {
    await page.goto('/login');
    await login(page, 'hanna@fensterbau-mueller.de', PASSWORD);
    await heading(page, 'Übersicht');
    for (const id of ['dashboard-funnel', 'dashboard-revenue', 'dashboard-tasks', 'dashboard-response', 'dashboard-activity']) {
      await chart(card(page, id)).waitFor();
    }
    await page.getByText('Die Zahlen Ihres Teams, live.').waitFor();
    // Nord: Anna's 8 450 € won, one lost; three of Anna's and Ben's tasks overdue
    await expect.poll(() => text(funnelWon(page))).toBe('1');
    expect(await text(card(page, 'dashboard-funnel').getByTestId('funnel-won-amount'))).toBe('8.450,00 €');
    await expect.poll(() => card(page, 'kpi-overdue').locator('[data-value]').textContent()).toBe('3');
    expect(await text(card(page, 'kpi-win-rate').locator('[data-value]'))).toBe('50 %');
    expect(await text(card(page, 'kpi-won'))).toContain('33,8 % des Ziels');
    await shot(page, '01-dashboard-head');
    expect(problems).toEqual([]);
  });

  it('updates the open dashboard when a deal moves and a task is done, without reload', async () => {
    await page.evaluate(() => {
      (window as unknown as { kontorMarker: number }).kontorMarker = 42;
    });
    const labels = () => card(page, 'dashboard-funnel').locator('.recharts-label-list text').allTextContents();
    const before = await labels();
    // Ben wins the Wintergarten through the API (another device)
    const moved = await ben.api.patch(`/api/v1/deals/${openDeal}`, { stageId: stages.won });
    expect(moved.status, moved.text).toBe(200);
    await expect.poll(() => text(funnelWon(page)), { timeout: 10_000 }).toBe('2');
    expect(await text(card(page, 'dashboard-funnel').getByTestId('funnel-won-amount'))).toBe('20.950,00 €');
    expect(await labels()).not.toEqual(before);
    // Ben completes an overdue task: the team's overdue count drops
    expect((await ben.api.post(`/api/v1/tasks/${bensTask}/complete`, {})).status).toBe(200);
    await expect.poll(() => text(card(page, 'kpi-overdue').locator('[data-value]')), { timeout: 10_000 }).toBe('2');
    expect(await page.evaluate(() => (window as unknown as { kontorMarker?: number }).kontorMarker)).toBe(42);
    await shot(page, '02-dashboard-after-move');
  });

  it('opens the reports with filters, charts, tables and downloads', async () => {
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Berichte' }).click();
    await heading(page, 'Berichte');
    const funnel = card(page, 'report-funnel');
    await chart(funnel).waitFor();
    await expect.poll(() => funnel.locator('tr[data-row]').count()).toBe(6);
    await expect
      .poll(() => funnel.locator('a[data-export="csv"]').getAttribute('href'))
      .toMatch(/\/api\/v1\/reports\/funnel\?from=.*&format=csv&lang=de$/);
    await shot(page, '03-reports-funnel');

    await page.getByRole('tab', { name: 'Umsatz' }).click();
    const revenue = card(page, 'report-revenue');
    await chart(revenue).waitFor();
    await revenue.getByText('Gesamt').waitFor();
    await shot(page, '04-reports-revenue');

    await page.getByRole('tab', { name: 'Reaktionszeit' }).click();
    await card(page, 'report-response-time').getByTestId('response-median').waitFor();
    await shot(page, '05-reports-response-time');

    // the download with the session cookie: UTF-8 with BOM (fetch's text() would drop it), semicolons
    const [bom, header] = await page.evaluate(async () => {
      const bytes = new Uint8Array(await (await fetch('/api/v1/reports/tasks?format=csv')).arrayBuffer());
      return [Array.from(bytes.slice(0, 3)), new TextDecoder().decode(bytes).split('\r\n')[0]];
    });
    expect(bom).toEqual([0xef, 0xbb, 0xbf]);
    expect(header).toBe('Mitarbeiter;Offen;Überfällig;Heute fällig;Erledigt;Davon verspätet;Abgebrochen');
    expect(problems).toEqual([]);
  });

  it('reads well on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await chart(card(page, 'dashboard-funnel')).waitFor();
    await chart(card(page, 'dashboard-activity')).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, '06-dashboard-phone');
    await page.goto('/reports?tab=tasks');
    await chart(card(page, 'report-tasks')).waitFor();
    await shot(page, '07-reports-tasks-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('speaks English: a manager’s own dashboard and the reports', async () => {
    const { context: enContext, page: en } = await openPage(chrome.browser, { baseURL, locale: 'en-GB' });
    const enProblems = trackPageProblems(en);
    try {
      expect((await anna.api.patch('/api/v1/auth/me', { locale: 'en' })).status).toBe(200);
      await deal(anna, 'Terrassentür Lang', 310_000, ['qualified']);
      await en.goto('/login');
      await field(en, 'E-mail').fill('anna@fensterbau-mueller.de');
      await field(en, 'Password').fill(PASSWORD);
      await en.getByRole('button', { name: 'Log in' }).click();
      await en.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await card(en, 'dashboard-my-tasks').getByText('Angebot nachfassen').waitFor();
      await chart(card(en, 'dashboard-my-pipeline')).waitFor();
      await card(en, 'dashboard-my-month').getByTestId('my-month-won').waitFor();
      expect(await text(card(en, 'dashboard-my-month').getByTestId('my-month-won'))).toBe('€8,450.00');
      await shot(en, '08-dashboard-manager-en');
      await en.goto('/reports?tab=activity');
      await en.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
      await chart(card(en, 'report-activity')).waitFor();
      // a manager's reports hold only her own figures
      await expect.poll(() => card(en, 'report-activity').locator('tbody tr').count()).toBe(1);
      await shot(en, '09-reports-activity-en');
      expect(enProblems).toEqual([]);
    } finally {
      await enContext.close();
    }
  });
  it('lets an admin switch the weekly summary to heads on', async () => {
    const { context: adminContext, page: p } = await openPage(chrome.browser, { baseURL });
    try {
      await p.goto('/login');
      await login(p, 'max@fensterbau-mueller.de', PASSWORD);
      await heading(p, 'Übersicht');
      await p.goto('/reports?tab=sources');
      await chart(card(p, 'report-sources')).waitFor();
      const weekly = card(p, 'weekly-summary-settings');
      await weekly.getByText('Ausgeschaltet').waitFor();
      // the switch follows the saved setting: it turns on once the server answered
      await weekly.getByLabel('Wochenbericht senden').click({ force: true });
      await weekly.getByText(/^Nächster Versand: \d{2}\.\d{2}\.\d{4}, 08:00$/).waitFor();
      expect((await admin.api.get('/api/v1/settings/reports')).body.weeklySummary.enabled).toBe(true);
      await shot(p, '10-reports-admin-weekly');
    } finally {
      await adminContext.close();
    }
  });
});

import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { launchBrowser, openPage, screenshot, type TestBrowser, trackPageProblems } from '../support/browser.ts';
import { createUser, PASSWORD, type Session, setupAdmin } from '../support/factories.ts';
import { choose, field, heading, login, waitForPath } from './ui.ts';

// Sales end to end: the kanban board, moves by mouse and keyboard, live updates, stage gates, lost
// reasons, line items and payments — two people in two browsers, German first.
const SHOTS = 'sales';
const DAY = 86_400_000;

let t: TestApp;
let chrome: TestBrowser;
let baseURL: string;
let admin: Session;
let anna: Session;
let pipeline: { id: string; version: number; stages: { id: string; key: string; name: string }[] };
const stage = (key: string) => pipeline.stages.find((s) => s.key === key)?.id as string;
const deals: Record<string, { id: string; version: number }> = {};

// Anna (manager) works the board; Max (admin) watches his board update live.
let annaCtx: BrowserContext;
let annaPage: Page;
let maxCtx: BrowserContext;
let maxPage: Page;
let annaProblems: string[];
let maxProblems: string[];

async function createDeal(session: Session, title: string, body: Record<string, unknown>) {
  const res = await session.api.post('/api/v1/deals', { title, ...body });
  expect(res.status, res.text).toBe(201);
  deals[title] = res.body;
  return res.body as { id: string; version: number };
}

async function dealRow(title: string) {
  const deal = deals[title];
  if (!deal) throw new Error(`no deal ${title}`);
  return (await admin.api.get(`/api/v1/deals/${deal.id}`)).body;
}

/** Visible text with the non-breaking spaces of Intl formatting as plain spaces. */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');
}

const column = (p: Page, name: string) => p.getByRole('region', { name, exact: true });
const card = (scope: Page | Locator, title: string) => scope.locator(`[data-title="${title}"]`);

/** Drags a card with the mouse onto a column, in small steps like a hand would. */
async function dragWithMouse(p: Page, from: Locator, to: Locator) {
  await from.scrollIntoViewIfNeeded();
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error('card or column not visible');
  // grab the card below its title (the title is a link)
  const x = start.x + start.width / 2;
  const y = start.y + start.height - 14;
  await p.mouse.move(x, y);
  await p.mouse.down();
  await p.mouse.move(x + 12, y + 4, { steps: 4 });
  await p.mouse.move(end.x + end.width / 2, end.y + 140, { steps: 15 });
  await p.waitForTimeout(120);
  await p.mouse.up();
}

/** Closes the toasts so a screenshot shows the page beneath. */
/**
 * Picks a card up with Space, steps right one stage per entry of `over` and drops it. Each step waits for
 * the board's own screen-reader announcement, so a slow machine neither drops nor doubles a key press.
 */
async function moveByKeyboard(p: Page, title: string, over: string[]) {
  const live = p.locator('[id^="DndLiveRegion"]');
  await p.getByRole('button', { name: `„${title}“ verschieben` }).focus();
  await p.keyboard.press('Space');
  // picked up: the region says so, then at once which stage the card is over
  await expect
    .poll(async () => /„.*“ (aus|über) „/.test((await live.textContent()) ?? '') && (await live.textContent())?.includes(title))
    .toBe(true);
  for (const stageName of over) {
    await p.keyboard.press('ArrowRight');
    await expect.poll(() => live.textContent()).toContain(`„${title}“ über „${stageName}“.`);
  }
  await p.keyboard.press('Space');
}

async function withoutNotifications(p: Page) {
  for (const close of await p.locator('.mantine-Notification-root button').all()) await close.click().catch(() => undefined);
  await p
    .locator('.mantine-Notification-root')
    .first()
    .waitFor({ state: 'detached', timeout: 3000 })
    .catch(() => undefined);
}

async function openBoard(p: Page) {
  await p.goto('/deals');
  await heading(p, 'Deals');
  await column(p, 'Neu').waitFor();
}

async function scrollBoard(p: Page, to: 'start' | 'end') {
  await p.getByTestId('board').evaluate((el, where) => {
    el.scrollLeft = where === 'end' ? el.scrollWidth : 0;
  }, to);
}

describe('sales: board, moves, gates and money in a real browser', () => {
  beforeAll(async () => {
    // KONTOR_E2E_WEB_DIST: a private copy of the build, when other runs may rebuild dist/web meanwhile.
    t = await buildTestApp({ webDist: path.resolve(process.env.KONTOR_E2E_WEB_DIST ?? 'dist/web') });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;

    admin = await setupAdmin(t, { name: 'Max Müller', email: 'max@fensterbau-mueller.de' });
    anna = await createUser(t, admin, { name: 'Anna Schmidt', email: 'anna@fensterbau-mueller.de', role: 'manager' });
    pipeline = (await admin.api.get('/api/v1/pipelines')).body.data[0];

    const petra = (await anna.api.post('/api/v1/contacts', { firstName: 'Petra', lastName: 'Schulz' })).body;
    const company = (await anna.api.post('/api/v1/companies', { name: 'Bäckerei Schulz GmbH' })).body;
    await createDeal(anna, 'Fenster Einfamilienhaus Schulz', {
      contactId: petra.id,
      companyId: company.id,
      amountCents: 845_000,
      stageId: stage('new'),
    });
    await createDeal(anna, 'Haustür Meier', { amountCents: 189_000, stageId: stage('new') });
    await createDeal(anna, 'Wintergarten Becker', { amountCents: 1_250_000, stageId: stage('negotiation') });
    await createDeal(anna, 'Rollläden Kaiser', { amountCents: 240_000, stageId: stage('qualified') });
    await createDeal(anna, 'Fenster Bauer', { stageId: stage('qualified') });
    // An offer made three weeks ago that should have closed last week: rotting and overdue.
    const now = t.clock.now();
    t.clock.set(new Date(now.getTime() - 21 * DAY));
    await createDeal(anna, 'Dachfenster Wolf', {
      amountCents: 420_000,
      stageId: stage('offer'),
      expectedCloseDate: new Date(now.getTime() - 7 * DAY).toISOString().slice(0, 10),
    });
    t.clock.set(now);
    // Max's own history of won deals: more than a column shows at first.
    for (let i = 1; i <= 22; i++) {
      const won = await admin.api.post('/api/v1/deals', { title: `Auftrag ${i}`, amountCents: 100_000, stageId: stage('won') });
      expect(won.status, won.text).toBe(201);
    }

    chrome = await launchBrowser();
    ({ context: annaCtx, page: annaPage } = await openPage(chrome.browser, { baseURL }));
    ({ context: maxCtx, page: maxPage } = await openPage(chrome.browser, { baseURL }));
    annaProblems = trackPageProblems(annaPage);
    maxProblems = trackPageProblems(maxPage);
  });

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 50);
      await screenshot(annaPage, SHOTS, `failed-${name}-anna`);
      await screenshot(maxPage, SHOTS, `failed-${name}-max`);
    });
  });

  afterAll(async () => {
    await annaCtx?.close();
    await maxCtx?.close();
    await chrome?.close();
    await t?.close();
  });

  it('shows the board with counts, sums, weighted sums and the markers', async () => {
    await annaPage.goto('/login');
    await login(annaPage, 'anna@fensterbau-mueller.de', PASSWORD);
    await heading(annaPage, 'Übersicht');
    await annaPage.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Deals' }).click();
    await heading(annaPage, 'Deals');

    const neu = column(annaPage, 'Neu');
    await card(neu, 'Haustür Meier').waitFor();
    await expect.poll(() => neu.getByTestId('stage-count').textContent()).toBe('2');
    expect(await text(neu.getByTestId('stage-sum'))).toBe('10.340,00 €');
    expect(await text(neu.getByTestId('stage-weighted'))).toBe('gewichtet 1.034,00 €');
    const schulz = card(neu, 'Fenster Einfamilienhaus Schulz');
    await expect.poll(() => schulz.textContent()).toContain('Petra Schulz');
    await expect.poll(() => schulz.textContent()).toContain('Bäckerei Schulz GmbH');
    expect(await text(schulz.getByTestId('card-amount'))).toBe('8.450,00 €');
    await expect.poll(() => schulz.getByRole('img', { name: 'Anna Schmidt' }).textContent()).toBe('AS');

    const wolf = card(column(annaPage, 'Angebot'), 'Dachfenster Wolf');
    await expect.poll(() => wolf.textContent()).toContain('21 Tage in Phase');
    await expect.poll(() => card(neu, 'Haustür Meier').textContent()).toContain('seit heute in Phase');
    await expect.poll(() => wolf.textContent()).toContain('stockt');
    await expect.poll(() => wolf.textContent()).toContain('überfällig');
    await screenshot(annaPage, SHOTS, '01-board');
  });

  it('moves a card with the mouse; it stays after a reload and the admin sees it move live', async () => {
    await maxPage.goto('/login');
    await login(maxPage, 'max@fensterbau-mueller.de', PASSWORD);
    await heading(maxPage, 'Übersicht');
    await openBoard(maxPage);
    await card(column(maxPage, 'Neu'), 'Fenster Einfamilienhaus Schulz').waitFor();

    await dragWithMouse(annaPage, card(annaPage, 'Fenster Einfamilienhaus Schulz'), column(annaPage, 'Qualifiziert'));
    await card(column(annaPage, 'Qualifiziert'), 'Fenster Einfamilienhaus Schulz').waitFor();
    await expect.poll(async () => (await dealRow('Fenster Einfamilienhaus Schulz')).stageId).toBe(stage('qualified'));
    await expect.poll(() => column(annaPage, 'Neu').getByTestId('stage-count').textContent()).toBe('1');

    // Max's board follows without a reload.
    await card(column(maxPage, 'Qualifiziert'), 'Fenster Einfamilienhaus Schulz').waitFor({ timeout: 5000 });
    await expect.poll(() => card(column(maxPage, 'Neu'), 'Fenster Einfamilienhaus Schulz').count()).toBe(0);
    await screenshot(maxPage, SHOTS, '02-admin-board-live');

    await annaPage.reload();
    await card(column(annaPage, 'Qualifiziert'), 'Fenster Einfamilienhaus Schulz').waitFor();
    await expect.poll(() => card(column(annaPage, 'Neu'), 'Fenster Einfamilienhaus Schulz').count()).toBe(0);
  });

  it('moves a card with the keyboard and announces it', async () => {
    await moveByKeyboard(annaPage, 'Haustür Meier', ['Qualifiziert']);
    await card(column(annaPage, 'Qualifiziert'), 'Haustür Meier').waitFor();
    await expect
      .poll(() => annaPage.getByTestId('move-status').textContent())
      .toBe('„Haustür Meier“ ist jetzt in „Qualifiziert“.');
    expect((await dealRow('Haustür Meier')).stageId).toBe(stage('qualified'));
    await card(column(maxPage, 'Qualifiziert'), 'Haustür Meier').waitFor();
  });

  it('asks for the reason when a deal is dropped on the lost stage', async () => {
    await scrollBoard(annaPage, 'end');
    await dragWithMouse(annaPage, card(annaPage, 'Wintergarten Becker'), column(annaPage, 'Verloren'));
    const dialog = annaPage.getByRole('dialog', { name: 'Deal verloren' });
    await dialog.waitFor();
    // without a reason it stays open
    await dialog.getByRole('button', { name: 'Als verloren markieren' }).click();
    await dialog.getByText('Bitte einen Grund angeben.').waitFor();
    await choose(annaPage, dialog, 'Verlustgrund', 'Zu teuer');
    await screenshot(annaPage, SHOTS, '03-lost-reason');
    await dialog.getByRole('button', { name: 'Als verloren markieren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card(column(annaPage, 'Verloren'), 'Wintergarten Becker').waitFor();
    const lost = await dealRow('Wintergarten Becker');
    expect(lost).toMatchObject({ status: 'lost', lostReason: 'Zu teuer', stageId: stage('lost') });
    await scrollBoard(annaPage, 'start');
  });

  it('lets the admin require an expected close date for "Angebot" in the pipeline editor', async () => {
    await maxPage.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Pipelines' }).click();
    await heading(maxPage, 'Pipelines');
    await maxPage.getByRole('heading', { name: 'Verlustgründe' }).waitFor();
    await screenshot(maxPage, SHOTS, '04-pipelines');
    await maxPage.getByRole('link', { name: 'Pipeline Vertrieb bearbeiten' }).click();
    await heading(maxPage, 'Pipeline „Vertrieb“');
    const offer = maxPage.getByRole('group', { name: 'Phase 3: Angebot' });
    await field(offer, 'Pflichtangaben').click();
    await maxPage.getByRole('option', { name: 'Erwarteter Abschluss' }).click();
    await maxPage.keyboard.press('Escape');
    await screenshot(maxPage, SHOTS, '05-pipeline-editor');
    await maxPage.getByRole('button', { name: 'Speichern' }).click();
    await maxPage.getByText('Pipeline „Vertrieb“ wurde gespeichert.').waitFor();
    const saved = (await admin.api.get(`/api/v1/pipelines/${pipeline.id}`)).body;
    expect(saved.stages.find((s: { key: string }) => s.key === 'offer').requiredFields).toEqual(['expectedCloseDate']);
  });

  it('refuses a move past a stage gate, names the missing field and leads to filling it in', async () => {
    await openBoard(annaPage);
    await dragWithMouse(annaPage, card(annaPage, 'Rollläden Kaiser'), column(annaPage, 'Angebot'));
    const dialog = annaPage.getByRole('dialog', { name: 'Angaben fehlen' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByTestId('missing-fields').textContent()).toBe('Erwarteter Abschluss');
    // rolled back: the card is in its old stage again
    await card(column(annaPage, 'Qualifiziert'), 'Rollläden Kaiser').waitFor();
    await expect.poll(() => card(column(annaPage, 'Angebot'), 'Rollläden Kaiser').count()).toBe(0);
    await screenshot(annaPage, SHOTS, '06-stage-gate');

    await dialog.getByRole('button', { name: 'Deal öffnen und ergänzen' }).click();
    await waitForPath(annaPage, `/deals/${deals['Rollläden Kaiser']?.id}`);
    await annaPage.getByTestId('fill-alert').waitFor();
    const form = annaPage.getByRole('dialog', { name: 'Deal „Rollläden Kaiser“ bearbeiten' });
    await form.getByText('Für die Phase „Angebot“ erforderlich.').waitFor();
    await field(form, 'Erwarteter Abschluss').fill('15.12.2026');
    await form.getByRole('button', { name: 'Speichern' }).click();
    await form.waitFor({ state: 'hidden' });
    // saved, and moved on as wanted in the first place
    await expect.poll(() => annaPage.getByTestId('deal-stage').textContent()).toBe('Angebot');
    expect(await dealRow('Rollläden Kaiser')).toMatchObject({ stageId: stage('offer'), expectedCloseDate: '2026-12-15' });
    await annaPage.getByTestId('stage-history').getByText('Qualifiziert → Angebot').waitFor();
  });

  it('computes line items, tax and gross and records a payment', async () => {
    const deal = deals['Fenster Bauer'];
    await annaPage.goto(`/deals/${deal?.id}`);
    await annaPage.getByRole('heading', { level: 1, name: 'Fenster Bauer' }).waitFor();
    await annaPage.getByRole('button', { name: 'Position hinzufügen' }).click();
    const dialog = annaPage.getByRole('dialog', { name: 'Position hinzufügen' });
    await field(dialog, 'Beschreibung').fill('Kunststofffenster 120×140, weiß');
    await field(dialog, 'Menge').fill('3');
    await field(dialog, 'Einheit').fill('Stk.');
    await field(dialog, 'Einzelpreis (netto)').fill('33,33');
    await field(dialog, 'Rabatt').fill('10');
    await expect.poll(() => text(dialog.getByTestId('line-preview'))).toBe('Netto: 89,99 €');
    await dialog.getByRole('button', { name: 'Position hinzufügen' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const totals = annaPage.getByTestId('deal-totals');
    await expect.poll(() => text(totals.getByTestId('total-net'))).toBe('89,99 €');
    expect(await text(totals.getByTestId('total-tax-19'))).toBe('17,10 €');
    expect(await text(totals.getByTestId('total-gross'))).toBe('107,09 €');
    await expect.poll(() => annaPage.getByTestId('line-items').textContent()).toContain('3 Stk.');
    expect(await text(annaPage.getByTestId('deal-amount'))).toBe('89,99 €');

    const payment = annaPage.getByRole('form', { name: 'Zahlung erfassen' });
    await field(payment, 'Betrag').fill('107,09');
    await field(payment, 'Zahlungsart').fill('Überweisung');
    await payment.getByRole('button', { name: 'Zahlung erfassen' }).click();
    await annaPage.getByTestId('paid-badge').waitFor();
    expect(await text(annaPage.getByTestId('paid-sum'))).toBe('Bezahlt: 107,09 € von 107,09 €');
    await expect.poll(() => annaPage.getByTestId('deal-paid').textContent()).toBe('Bezahlt');
    expect((await dealRow('Fenster Bauer')).paidAt).not.toBeNull();

    await annaPage.getByRole('textbox', { name: 'Notiz' }).fill('Aufmaß am Dienstag bestätigt.');
    await annaPage.getByRole('button', { name: 'Notiz speichern' }).click();
    const timeline = annaPage.getByTestId('timeline');
    await timeline.getByText('Aufmaß am Dienstag bestätigt.').waitFor();
    // line items and payments read as sentences with money, not as raw fields and cents
    await timeline
      .getByText(/änderte die Positionen: \+ Kunststofffenster 120×140, weiß · Betrag netto: 0,00\s€ → 89,99\s€/)
      .waitFor();
    await timeline.getByText(/Bezahlt: 0,00\s€ → 107,09\s€/).waitFor();
    await expect.poll(() => timeline.textContent()).not.toMatch(/lineItems|paidCents|8999/);
    // a stage move names the stages, not their ids
    const moved = await anna.api.patch(`/api/v1/deals/${deal?.id}`, { stageId: stage('new') });
    expect(moved.status, moved.text).toBe(200);
    await timeline.getByText(/änderte Phase: Qualifiziert → Neu/).waitFor();
    await expect.poll(() => timeline.textContent()).not.toContain(stage('new'));
    expect((await anna.api.patch(`/api/v1/deals/${deal?.id}`, { stageId: stage('qualified') })).status).toBe(200);
    await timeline.getByText(/änderte Phase: Neu → Qualifiziert/).waitFor();
    await withoutNotifications(annaPage);
    await screenshot(annaPage, SHOTS, '07-deal-detail');
  });

  it('creates a deal from the board with the dialog', async () => {
    await openBoard(annaPage);
    await annaPage.getByRole('button', { name: 'Deal anlegen' }).click();
    const dialog = annaPage.getByRole('dialog', { name: 'Deal anlegen' });
    await field(dialog, 'Titel').fill('Terrassentür Schulz');
    await field(dialog, 'Kontakt').fill('Schulz');
    await annaPage.getByRole('option', { name: 'Petra Schulz' }).click();
    await field(dialog, 'Betrag (netto)').fill('1.250,50');
    await screenshot(annaPage, SHOTS, '08-create-deal');
    await dialog.getByRole('button', { name: 'Deal anlegen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const created = card(column(annaPage, 'Neu'), 'Terrassentür Schulz');
    await created.waitFor();
    expect(await text(created.getByTestId('card-amount'))).toBe('1.250,50 €');
    await expect.poll(() => created.textContent()).toContain('Petra Schulz');
  });

  it('shows the deals as a list', async () => {
    await annaPage.locator('label', { hasText: 'Liste' }).click();
    await annaPage.locator('tr[data-deal="Terrassentür Schulz"]').waitFor();
    await expect.poll(() => annaPage.locator('tr[data-deal]').count()).toBe(7);
    await annaPage.getByRole('button', { name: 'Betrag (netto)' }).click();
    await expect.poll(() => annaPage.locator('tr[data-deal]').first().getAttribute('data-deal')).toBe('Fenster Bauer');
    await screenshot(annaPage, SHOTS, '09-list');

    // the export downloads what the list shows, in its order: Anna's deals only, sorted by amount
    const shown = await annaPage.locator('tr[data-deal]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-deal')));
    const [saved] = await Promise.all([
      annaPage.waitForEvent('download'),
      annaPage.getByRole('link', { name: 'Als CSV exportieren (mit den aktuellen Filtern)' }).click(),
    ]);
    expect(saved.suggestedFilename()).toMatch(/^deals-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = path.join(chrome.dir, 'deals.csv');
    await saved.saveAs(file);
    const [header, ...records] = fs
      .readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    expect(header).toMatch(/^ID;Titel;Pipeline;Phase;Status;Betrag netto;/);
    expect(records.map((r) => r.split(';')[1])).toEqual(shown);
    expect(records.find((r) => r.includes(';Fenster Einfamilienhaus Schulz;'))).toContain(
      ';Vertrieb;Qualifiziert;Offen;8450,00;1605,50;10055,50;EUR;0,00;;Petra Schulz;Bäckerei Schulz GmbH;Anna Schmidt;',
    );
  });

  it('lets the admin keep the product catalogue', async () => {
    await maxPage.goto('/admin/products');
    await heading(maxPage, 'Produkte');
    await maxPage.getByRole('button', { name: 'Produkt anlegen' }).click();
    const dialog = maxPage.getByRole('dialog', { name: 'Produkt anlegen' });
    await field(dialog, 'Name').fill('Kunststofffenster 120×140');
    await field(dialog, 'Artikelnummer').fill('KF-120-140');
    await field(dialog, 'Preis netto').fill('489');
    await dialog.getByRole('button', { name: 'Produkt anlegen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = maxPage.locator('tr[data-product="Kunststofffenster 120×140"]');
    await row.waitFor();
    expect(await text(row)).toContain('489,00 €');
    await withoutNotifications(maxPage);
    await screenshot(maxPage, SHOTS, '10-products');
  });

  it('fits a 390px phone', async () => {
    await annaPage.setViewportSize({ width: 390, height: 844 });
    await openBoard(annaPage);
    await annaPage.locator('label', { hasText: 'Board' }).click();
    await card(column(annaPage, 'Neu'), 'Terrassentür Schulz').waitFor();
    await screenshot(annaPage, SHOTS, '11-phone-board');
    await annaPage.goto(`/deals/${deals['Fenster Bauer']?.id}`);
    await annaPage.getByTestId('deal-totals').waitFor();
    await screenshot(annaPage, SHOTS, '12-phone-deal');
    await annaPage.setViewportSize({ width: 1280, height: 800 });
  });

  it('loads more cards into a column that holds more than it shows', async () => {
    await openBoard(maxPage);
    await scrollBoard(maxPage, 'end');
    const won = column(maxPage, 'Gewonnen');
    await card(won, 'Auftrag 22').waitFor();
    await expect.poll(() => won.locator('[data-deal-card]').count()).toBe(20);
    await expect.poll(() => won.getByTestId('stage-count').textContent()).toBe('22');
    await won.getByText('20 von 22').waitFor();
    await won.getByRole('button', { name: 'Mehr laden' }).click();
    await expect.poll(() => won.locator('[data-deal-card]').count()).toBe(22);
    await expect.poll(() => won.getByRole('button', { name: 'Mehr laden' }).count()).toBe(0);
    await card(won, 'Auftrag 1').waitFor();
  });

  it('shows the fresh deal when someone else changed it before the move (412)', async () => {
    // A third browser without the live stream, so its board is stale on purpose.
    const { context, page } = await openPage(chrome.browser, { baseURL });
    try {
      await context.route('**/api/v1/events', (route) => route.abort());
      await page.goto('/login');
      await login(page, 'anna@fensterbau-mueller.de', PASSWORD);
      await heading(page, 'Übersicht');
      await openBoard(page);
      await card(column(page, 'Qualifiziert'), 'Haustür Meier').waitFor();
      const current = await dealRow('Haustür Meier');
      const changed = await admin.api.patch(`/api/v1/deals/${current.id}`, { amountCents: 199_000 });
      expect(changed.status, changed.text).toBe(200);

      // by keyboard: two stages to the right
      await moveByKeyboard(page, 'Haustür Meier', ['Angebot', 'Verhandlung']);
      const dialog = page.getByRole('dialog', { name: 'Deal wurde inzwischen geändert' });
      await dialog.waitFor();
      expect(await text(dialog.getByTestId('fresh-deal'))).toContain('1.990,00 €');
      // the refused move is rolled back, and the board shows the fresh amount
      await expect
        .poll(() => text(card(column(page, 'Qualifiziert'), 'Haustür Meier').getByTestId('card-amount')))
        .toBe('1.990,00 €');
      await screenshot(page, SHOTS, '13-conflict');
      await dialog.getByRole('button', { name: 'Trotzdem nach „Verhandlung“' }).click();
      await card(column(page, 'Verhandlung'), 'Haustür Meier').waitFor();
      expect((await dealRow('Haustür Meier')).stageId).toBe(stage('negotiation'));
    } finally {
      await context.close();
    }
  });

  it('speaks English when the admin switches the language', async () => {
    await maxPage.getByRole('banner').getByText('EN', { exact: true }).click();
    await maxPage.goto('/deals');
    await heading(maxPage, 'Deals');
    await column(maxPage, 'Qualified').waitFor();
    await column(maxPage, 'Offer').getByText('stalling').waitFor();
    expect(await text(column(maxPage, 'New').getByTestId('stage-sum'))).toBe('€1,250.50');
    await screenshot(maxPage, SHOTS, '14-board-english');
  });

  it('imports deals from a CSV through the wizard and shows them on the board', async () => {
    await openBoard(annaPage);
    await annaPage.getByRole('main').getByRole('link', { name: 'Importieren' }).click();
    await waitForPath(annaPage, '/deals/import');
    await heading(annaPage, 'Deals importieren');
    // the wizard of contacts and companies, with deals chosen
    await expect.poll(() => annaPage.getByRole('radio', { name: 'Deals' }).isChecked()).toBe(true);
    await screenshot(annaPage, SHOTS, '15-import-deals-file');
    const csv = [
      'Titel;Phase;Betrag;Abschluss;Firma;Auftragsnummer',
      'Markise Schulz;Angebot;2.480,00;15.01.2027;Bäckerei Schulz GmbH;IMP-1',
      'Vordach Schulz;Verhandlung;1.150,50;;Bäckerei Schulz GmbH;IMP-2',
      'Garagentor Schulz;Angebot;3.000,00;;;IMP-3',
    ].join('\r\n');
    await annaPage.locator('input[type="file"]').setInputFiles({
      name: 'auftraege.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8'),
    });
    const mapping = annaPage.getByRole('table', { name: 'Spalten zuordnen' });
    await mapping.waitFor();
    await expect
      .poll(() => mapping.getByRole('combobox', { name: 'Feld für Spalte „Phase“' }).inputValue())
      .toBe('Phase (Name oder ID)');
    await expect
      .poll(() => mapping.getByRole('combobox', { name: 'Feld für Spalte „Betrag“' }).inputValue())
      .toBe('Betrag (netto, z. B. 1.234,50)');
    await screenshot(annaPage, SHOTS, '16-import-deals-mapping');

    // "Angebot" needs an expected close date since the admin said so: the dry run names the row
    await annaPage.getByRole('button', { name: 'Probelauf' }).click();
    await annaPage.getByText('Probelauf – nichts gespeichert').waitFor();
    await expect.poll(() => annaPage.getByTestId('import-created').textContent()).toContain('2');
    await expect.poll(() => annaPage.getByTestId('import-failed').textContent()).toContain('1');
    const errors = annaPage.getByRole('table', { name: 'Fehler je Zeile' });
    await expect
      .poll(() => errors.locator('tbody tr').first().textContent())
      .toBe('4Abschluss: is required before entering stage "Angebot"');
    await screenshot(annaPage, SHOTS, '17-import-deals-dry-run');
    expect((await anna.api.get('/api/v1/deals?externalId=IMP-1')).body.data).toEqual([]);

    await annaPage.getByRole('button', { name: 'Jetzt importieren' }).click();
    await annaPage.getByText('Import abgeschlossen', { exact: true }).first().waitFor();
    await expect.poll(() => annaPage.getByTestId('import-created').textContent()).toContain('2');
    await annaPage.getByRole('link', { name: 'Deals ansehen' }).click();
    await heading(annaPage, 'Deals');
    const offer = column(annaPage, 'Angebot');
    const markise = card(offer, 'Markise Schulz');
    await markise.waitFor();
    expect(await text(markise.getByTestId('card-amount'))).toBe('2.480,00 €');
    await expect.poll(() => markise.textContent()).toContain('Bäckerei Schulz GmbH');
    await card(column(annaPage, 'Verhandlung'), 'Vordach Schulz').waitFor();
    const board = (await anna.api.get(`/api/v1/pipelines/${pipeline.id}/board`)).body;
    const totals = (key: string) => board.stages.find((s: { stageId: string }) => s.stageId === stage(key));
    await expect.poll(() => offer.getByTestId('stage-count').textContent()).toBe(String(totals('offer').count));
    expect(totals('offer').deals.map((d: { title: string }) => d.title)).toContain('Markise Schulz');
    await screenshot(annaPage, SHOTS, '18-import-deals-board');
  });

  it('raised no page errors, CSP violations or server errors', () => {
    expect([...annaProblems, ...maxProblems]).toEqual([]);
  });
});

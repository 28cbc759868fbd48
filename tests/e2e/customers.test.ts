import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { launchBrowser, openPage, screenshot, type TestBrowser, trackPageProblems } from '../support/browser.ts';
import { createUser, PASSWORD, type Session, setupAdmin } from '../support/factories.ts';
import { choose, field, heading, login, navLabels, waitForPath } from './ui.ts';

// The customer base end to end: the real server with the built SPA, driven in German through headless Chromium.
const SHOTS = 'customers';
const ADMIN_EMAIL = 'max@fensterbau-mueller.de';

let t: TestApp;
let chrome: TestBrowser;
let baseURL: string;
let context: BrowserContext;
let page: Page;
let problems: string[];
let admin: Session;
let manager: Session;

const main = () => page.getByRole('main');
const nav = () => page.getByRole('navigation', { name: 'Hauptnavigation' });
const timeline = () => page.getByTestId('timeline');

/** A semicolon CSV as German Excel writes it: BOM, CRLF, a German date and amount. */
const CSV = [
  'Vorname;Nachname;E-Mail;Telefon;Firma;Ort;Kundentyp;Besuche pro Jahr',
  'Jürgen;Weber;juergen.weber@example.de;0171 2345678;Bäckerei Schulze GmbH;München;Gewerbe;12',
  'Claudia;Brandt;claudia.brandt@example.de;+49 30 1234567;Bäckerei Schulze GmbH;Berlin;Privat;3',
  'Olaf;Fehler;keine-mail;;;Hamburg;Gewerbe;2',
].join('\r\n');

describe('customers: contacts, custom fields, search, timeline, import in a real browser', () => {
  beforeAll(async () => {
    t = await buildTestApp({ webDist: path.resolve('dist/web') });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    admin = await setupAdmin(t, { email: ADMIN_EMAIL });
    manager = await createUser(t, admin, { name: 'Anna Schmidt', email: 'anna.schmidt@fensterbau-mueller.de' });
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

  it('shows the empty contact list with a call to action', async () => {
    await page.goto('/login');
    await login(page, ADMIN_EMAIL, PASSWORD);
    await heading(page, 'Übersicht');
    const labels = await navLabels(page);
    expect(labels.slice(0, 3)).toEqual(['Übersicht', 'Kontakte', 'Firmen']);
    expect(labels).toContain('Zusatzfelder');
    await nav().getByRole('link', { name: 'Kontakte' }).click();
    await heading(page, 'Kontakte');
    await main().getByText('Noch keine Kontakte').waitFor();
    await expect.poll(() => main().getByRole('button', { name: 'Kontakt anlegen' }).count()).toBe(2);
    await screenshot(page, SHOTS, '01-contacts-empty');
  });

  it('lets the admin define custom fields, key suggested from the label', async () => {
    await nav().getByRole('link', { name: 'Zusatzfelder' }).click();
    await heading(page, 'Zusatzfelder');
    await main().getByText('Noch keine Zusatzfelder').waitFor();

    await main().getByRole('button', { name: 'Feld anlegen' }).first().click();
    let dialog = page.getByRole('dialog', { name: 'Neues Feld für Kontakt' });
    await field(dialog, 'Bezeichnung').fill('Besuche pro Jahr');
    await expect.poll(() => field(dialog, 'Schlüssel').inputValue()).toBe('besucheProJahr');
    await choose(page, dialog, 'Typ', 'Zahl');
    await dialog.getByRole('button', { name: 'Feld anlegen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('tr[data-custom-field="besucheProJahr"]').waitFor();

    await main().getByRole('button', { name: 'Feld anlegen' }).first().click();
    dialog = page.getByRole('dialog', { name: 'Neues Feld für Kontakt' });
    await field(dialog, 'Bezeichnung').fill('Kundentyp');
    await choose(page, dialog, 'Typ', 'Auswahl');
    const options = field(dialog, 'Auswahlwerte');
    for (const option of ['Privat', 'Gewerbe']) {
      await options.fill(option);
      await options.press('Enter');
    }
    await dialog.getByRole('switch', { name: 'Pflichtfeld' }).check();
    await screenshot(page, SHOTS, '02-custom-field-dialog');
    await dialog.getByRole('button', { name: 'Feld anlegen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('tr[data-custom-field="kundentyp"]');
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Gewerbe');
    await expect.poll(() => row.textContent()).toContain('Ja');
    await screenshot(page, SHOTS, '03-custom-fields');

    // A field can go again; the confirmation says that its values go with it.
    await main().getByRole('button', { name: 'Feld anlegen' }).first().click();
    dialog = page.getByRole('dialog', { name: 'Neues Feld für Kontakt' });
    await field(dialog, 'Bezeichnung').fill('Lieblingsfarbe');
    await dialog.getByRole('button', { name: 'Feld anlegen' }).click();
    await page.locator('tr[data-custom-field="lieblingsfarbe"]').waitFor();
    await main().getByRole('button', { name: 'Feld Lieblingsfarbe löschen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Feld löschen' });
    await confirm.getByText('Die Werte dieses Feldes werden bei allen Einträgen entfernt.', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Löschen' }).click();
    await page.locator('tr[data-custom-field="lieblingsfarbe"]').waitFor({ state: 'detached' });
  });

  it('creates a contact through the UI with its custom fields and opens the card', async () => {
    await nav().getByRole('link', { name: 'Kontakte' }).click();
    await main().getByRole('button', { name: 'Kontakt anlegen' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Kontakt anlegen' });
    await field(dialog, 'Vorname').fill('Erika');
    await field(dialog, 'Nachname').fill('Mustermann');
    await field(dialog, 'E-Mail').fill('erika@mustermann.de');
    await field(dialog, 'Telefon').fill('030 5551234');
    await field(dialog, 'Ort').fill('Berlin');
    await field(dialog, 'Besuche pro Jahr').fill('4');
    // Kundentyp is required: the form says so at the field before anything is sent.
    await dialog.getByRole('button', { name: 'Kontakt anlegen' }).click();
    await dialog.getByText('Bitte ausfüllen.').waitFor();
    await choose(page, dialog, 'Kundentyp', 'Gewerbe');
    await screenshot(page, SHOTS, '04-contact-dialog');
    await dialog.getByRole('button', { name: 'Kontakt anlegen' }).click();

    await heading(page, 'Erika Mustermann');
    expect(new URL(page.url()).pathname).toMatch(/^\/contacts\/[\w-]+$/);
    await page.getByText('Kontakt „Erika Mustermann“ wurde angelegt.').waitFor();
    await expect.poll(() => main().getByRole('link', { name: '030 5551234' }).getAttribute('href')).toBe('tel:0305551234');
    await expect
      .poll(() => main().getByRole('link', { name: 'erika@mustermann.de' }).getAttribute('href'))
      .toBe('mailto:erika@mustermann.de');
    const custom = main().getByRole('region', { name: 'Zusatzfelder' });
    await expect.poll(() => custom.locator('[data-field="besucheProJahr"]').textContent()).toContain('4');
    await expect.poll(() => custom.locator('[data-field="kundentyp"]').textContent()).toContain('Gewerbe');
    await main().getByRole('region', { name: 'Kennzahlen' }).getByText('Gewonnener Umsatz').waitFor();
    await timeline().getByText('Max Müller hat den Kontakt angelegt.').waitFor();
    await screenshot(page, SHOTS, '05-contact-card');
  });

  it('finds the contact with the global search (Ctrl+K) and opens it with the keyboard', async () => {
    await nav().getByRole('link', { name: 'Übersicht' }).click();
    await heading(page, 'Übersicht');
    await page.keyboard.press('Control+K');
    const search = page.getByRole('dialog', { name: 'Suche' });
    // The field has the focus at once: the keyboard alone finds and opens the contact.
    await search.getByRole('combobox', { name: 'Suche' }).waitFor();
    await page.keyboard.type('musterm');
    await search.getByRole('option', { name: /Erika Mustermann/ }).waitFor();
    await search.getByText('Kontakte', { exact: true }).waitFor();
    await screenshot(page, SHOTS, '06-global-search');
    await page.keyboard.press('Enter');
    await heading(page, 'Erika Mustermann');
    await search.waitFor({ state: 'hidden' });

    // "/" opens it as well, except while typing in a field.
    await page.keyboard.press('/');
    await search.getByRole('combobox', { name: 'Suche' }).waitFor();
    await page.keyboard.press('Escape');
    await search.waitFor({ state: 'hidden' });
  });

  it('adds a note and a call that appear at the top of the timeline at once', async () => {
    const quick = page.getByRole('form', { name: 'Notiz oder Anruf eintragen' });
    await quick.getByRole('textbox', { name: 'Notiz' }).fill('Kundin wünscht Kunststofffenster in Weiß.\nRückruf am Dienstag.');
    await quick.getByRole('button', { name: 'Notiz speichern' }).click();
    await timeline().getByText('Kundin wünscht Kunststofffenster in Weiß.', { exact: false }).waitFor();
    await expect.poll(() => timeline().locator('[data-kind]').first().getAttribute('data-type')).toBe('note');

    await quick.getByText('Anruf', { exact: true }).click();
    await field(quick, 'Gesprächsnotiz').fill('Aufmaßtermin vereinbart.');
    await field(quick, 'Dauer (Minuten)').fill('5');
    await quick.getByRole('button', { name: 'Anruf eintragen' }).click();
    await timeline().getByText('Aufmaßtermin vereinbart.').waitFor();
    const first = timeline().locator('[data-kind]').first();
    await expect.poll(() => first.getAttribute('data-type')).toBe('call');
    await expect.poll(() => first.textContent()).toContain('Anruf · ausgehend · 5 Min.');
    // The figures count the call as a contact today.
    await expect.poll(() => page.getByTestId('stat-days').textContent()).toContain('0 Tage');
    await screenshot(page, SHOTS, '07-timeline');
  });

  it('edits the contact; the timeline names who changed which field from what to what', async () => {
    const res = await admin.api.post('/api/v1/contacts', {
      firstName: 'Bernd',
      lastName: 'Bauer',
      email: 'bernd@bauer.de',
      externalId: 'K-1001',
      customFields: { kundentyp: 'Privat', besucheProJahr: 1 },
    });
    expect(res.status, res.text).toBe(201);
    await main().getByRole('button', { name: 'Bearbeiten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Erika Mustermann bearbeiten' });
    // The server's objection appears at the field it concerns.
    await field(dialog, 'Externe ID').fill('K-1001');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Wird bereits verwendet.').waitFor();
    await expect.poll(() => field(dialog, 'Externe ID').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, SHOTS, '07b-field-error');
    await field(dialog, 'Externe ID').fill('');
    await field(dialog, 'Telefon').fill('030 555');
    await field(dialog, 'Besuche pro Jahr').fill('6');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const change = timeline().locator('[data-kind="change"]').first();
    await expect.poll(() => change.textContent()).toContain('Max Müller änderte');
    // Open tasks about the contact are listed on the card.
    const contactId = new URL(page.url()).pathname.split('/').at(-1);
    const task = await admin.api.post('/api/v1/tasks', { title: 'Aufmaß vor Ort', contactId, dueAt: '2030-01-15T09:00:00.000Z' });
    expect(task.status, task.text).toBe(201);
    await page.reload();
    await main().getByRole('region', { name: 'Offene Aufgaben' }).getByRole('link', { name: 'Aufmaß vor Ort' }).waitFor();
    const text = (await change.textContent()) ?? '';
    expect(text).toContain('Telefon: 030 5551234 → 030 555');
    expect(text).toContain('Besuche pro Jahr: 4 → 6');
  });

  it('names possible duplicates after a create and merges them, keeping the original', async () => {
    await nav().getByRole('link', { name: 'Kontakte' }).click();
    await main().getByRole('button', { name: 'Kontakt anlegen' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Kontakt anlegen' });
    await field(dialog, 'Vorname').fill('Erika');
    await field(dialog, 'Nachname').fill('Musterman');
    await field(dialog, 'E-Mail').fill('erika@mustermann.de');
    await choose(page, dialog, 'Kundentyp', 'Privat');
    await dialog.getByRole('button', { name: 'Kontakt anlegen' }).click();
    await dialog.getByText('Mögliche Dubletten').waitFor();
    await dialog.getByRole('link', { name: 'Erika Mustermann' }).waitFor();
    await dialog.getByText('gleiche E-Mail').waitFor();
    await screenshot(page, SHOTS, '08-possible-duplicates');
    await dialog.getByRole('button', { name: 'Kontakt öffnen' }).click();
    await heading(page, 'Erika Musterman');

    await page.getByTestId('duplicates').getByRole('button', { name: 'Zusammenführen' }).click();
    const merge = page.getByRole('dialog', { name: 'Dubletten zusammenführen' });
    await merge.getByText('Erika Mustermann', { exact: true }).click();
    await screenshot(page, SHOTS, '09-merge');
    await merge.getByRole('button', { name: 'Zusammenführen' }).click();
    await heading(page, 'Erika Mustermann');
    await timeline().getByText('hat „Erika Musterman“ hierher zusammengeführt', { exact: false }).waitFor();
    // The note written before the merge is still there.
    await timeline().getByText('Aufmaßtermin vereinbart.').waitFor();
  });

  it('filters the list by a custom field, sorts by it and saves the view', async () => {
    await nav().getByRole('link', { name: 'Kontakte' }).click();
    await heading(page, 'Kontakte');
    await expect.poll(() => page.locator('tr[data-contact]').count()).toBe(2);
    await main().getByRole('columnheader', { name: 'Kundentyp' }).waitFor();

    await main().getByRole('button', { name: 'Nach Feld filtern' }).click();
    await choose(page, page, 'Feld', 'Kundentyp');
    await choose(page, page, 'Wert', 'Gewerbe');
    await page.getByRole('button', { name: 'Filter anwenden' }).click();
    await expect.poll(() => page.locator('tr[data-contact]').count()).toBe(1);
    await expect.poll(() => page.locator('tr[data-contact]').first().getAttribute('data-contact')).toBe('Erika Mustermann');
    await main().getByText('Kundentyp: Gewerbe').waitFor();
    expect(new URL(page.url()).searchParams.get('customFields.kundentyp')).toBe('Gewerbe');

    await main().getByRole('button', { name: 'Ansichten' }).click();
    await page.getByRole('menuitem', { name: 'Aktuelle Ansicht speichern …' }).click();
    const save = page.getByRole('dialog', { name: 'Aktuelle Ansicht speichern …' });
    await field(save, 'Name der Ansicht').fill('Gewerbekunden');
    await save.getByRole('button', { name: 'Speichern' }).click();
    await main().getByRole('button', { name: 'Gewerbekunden' }).waitFor();
    await screenshot(page, SHOTS, '10-contacts-filtered');

    // Reset, then sort by the custom field, descending: 6 visits before 1.
    await main().getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await expect.poll(() => page.locator('tr[data-contact]').count()).toBe(2);
    const visits = main().getByRole('columnheader', { name: 'Besuche pro Jahr' });
    await visits.getByRole('button').click();
    await expect.poll(() => visits.getAttribute('aria-sort')).toBe('ascending');
    await visits.getByRole('button').click();
    await expect.poll(() => visits.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('-customFields.besucheProJahr');
    await expect
      .poll(() => page.locator('tr[data-contact]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-contact'))))
      .toEqual(['Erika Mustermann', 'Bernd Bauer']);

    // The saved view brings the filter back.
    await main().getByRole('button', { name: 'Ansichten' }).click();
    await page.getByRole('menuitem', { name: 'Gewerbekunden' }).click();
    await expect.poll(() => page.locator('tr[data-contact]').count()).toBe(1);
  });

  it('offers CSV and Excel export links carrying the current filters', async () => {
    const csv = main().locator('a[data-export="csv"]');
    const href = (await csv.getAttribute('href')) ?? '';
    const url = new URL(href, baseURL);
    expect(url.pathname).toBe('/api/v1/contacts/export');
    expect(url.searchParams.get('format')).toBe('csv');
    expect(url.searchParams.get('customFields.kundentyp')).toBe('Gewerbe');
    await expect.poll(() => main().locator('a[data-export="xlsx"]').getAttribute('href')).toContain('format=xlsx');
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-disposition']).toContain('attachment');
    const body = await res.text();
    expect(body).toContain('Mustermann');
    expect(body).not.toContain('Bauer');
  });

  it('imports a CSV through the UI: mapping, dry run, then for real', async () => {
    await main().getByRole('link', { name: 'Importieren' }).click();
    await waitForPath(page, '/contacts/import');
    await heading(page, 'Kontakte importieren');
    await page.locator('input[type="file"]').setInputFiles({
      name: 'kontakte.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${CSV}\r\n`, 'utf8'),
    });
    const mapping = main().getByRole('table', { name: 'Spalten zuordnen' });
    await mapping.waitFor();
    // Suggested from the German headers, custom fields by their label.
    await expect.poll(() => mapping.getByRole('combobox', { name: 'Feld für Spalte „Vorname“' }).inputValue()).toBe('Vorname');
    await expect
      .poll(() => mapping.getByRole('combobox', { name: 'Feld für Spalte „Besuche pro Jahr“' }).inputValue())
      .toContain('Besuche pro Jahr');
    await screenshot(page, SHOTS, '11-import-mapping');

    await main().getByRole('button', { name: 'Probelauf' }).click();
    await main().getByText('Probelauf – nichts gespeichert').waitFor();
    await expect.poll(() => page.getByTestId('import-created').textContent()).toContain('2');
    await expect.poll(() => page.getByTestId('import-failed').textContent()).toContain('1');
    await main().getByRole('table', { name: 'Fehler je Zeile' }).getByText('4', { exact: true }).waitFor();
    await screenshot(page, SHOTS, '12-import-dry-run');
    expect((await admin.api.get('/api/v1/contacts?q=Weber')).body.data).toHaveLength(0);

    await main().getByRole('button', { name: 'Jetzt importieren' }).click();
    await main().getByText('Import abgeschlossen', { exact: true }).first().waitFor();
    await expect.poll(() => page.getByTestId('import-created').textContent()).toContain('2');
    const report = main().getByRole('link', { name: 'Fehlerbericht herunterladen (CSV)' });
    await expect.poll(() => report.getAttribute('href')).toMatch(/^\/api\/v1\/imports\/[\w-]+\/errors\.csv\?lang=de$/);
    await screenshot(page, SHOTS, '13-import-done');

    await main().getByRole('link', { name: 'Kontakte ansehen' }).click();
    await heading(page, 'Kontakte');
    await page.locator('tr[data-contact="Jürgen Weber"]').waitFor();
    await page.locator('tr[data-contact="Claudia Brandt"]').waitFor();
  });

  it('shows the imported company with its people', async () => {
    await nav().getByRole('link', { name: 'Firmen', exact: true }).click();
    await heading(page, 'Firmen');
    await page.getByRole('link', { name: 'Bäckerei Schulze GmbH' }).click();
    await heading(page, 'Bäckerei Schulze GmbH');
    const people = main().getByRole('region', { name: 'Ansprechpartner' });
    await people.getByRole('link', { name: 'Jürgen Weber' }).waitFor();
    await people.getByRole('link', { name: 'Claudia Brandt' }).waitFor();
    await screenshot(page, SHOTS, '14-company-card');
  });

  it('creates a company with a safe website link and links a contact to it', async () => {
    await nav().getByRole('link', { name: 'Firmen', exact: true }).click();
    await heading(page, 'Firmen');
    await main().getByRole('button', { name: 'Firma anlegen' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Firma anlegen' });
    await field(dialog, 'Name').fill('Öko Bau AG');
    await field(dialog, 'Website').fill('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Firma anlegen' }).click();
    await dialog.getByText('Bitte eine Webadresse mit http:// oder https:// angeben.').waitFor();
    await field(dialog, 'Website').fill('oekobau.de');
    await field(dialog, 'Telefon').fill('089 123456');
    await dialog.getByRole('button', { name: 'Firma anlegen' }).click();
    await heading(page, 'Öko Bau AG');
    await expect
      .poll(() => main().getByRole('link', { name: 'oekobau.de' }).first().getAttribute('href'))
      .toBe('https://oekobau.de/');

    await page.goto('/contacts');
    await page.getByRole('link', { name: 'Erika Mustermann' }).click();
    await heading(page, 'Erika Mustermann');
    await main().getByRole('button', { name: 'Bearbeiten' }).click();
    const edit = page.getByRole('dialog', { name: 'Erika Mustermann bearbeiten' });
    await choose(page, edit, 'Firma', 'Öko Bau AG');
    await edit.getByRole('button', { name: 'Speichern' }).click();
    await edit.waitFor({ state: 'hidden' });
    await main().getByRole('link', { name: 'Öko Bau AG' }).first().waitFor();
    await expect.poll(() => timeline().locator('[data-kind="change"]').first().textContent()).toContain('Firma: – → Öko Bau AG');
    await nav().getByRole('link', { name: 'Firmen', exact: true }).click();
    await page.locator('tr[data-company="Öko Bau AG"]').waitFor();
    await screenshot(page, SHOTS, '14b-companies');
  });

  it('offers an input per custom field type and shows each value in German notation', async () => {
    const defs = [
      { key: 'jahresumsatz', label: 'Jahresumsatz', type: 'money' },
      { key: 'kundeSeit', label: 'Kunde seit', type: 'date' },
      { key: 'naechsterBesuch', label: 'Nächster Besuch', type: 'datetime' },
      { key: 'newsletter', label: 'Newsletter', type: 'boolean' },
      { key: 'branchen', label: 'Branchen', type: 'multiselect', options: ['Handel', 'Handwerk', 'Gastronomie'] },
    ];
    for (const def of defs) {
      const res = await admin.api.post('/api/v1/custom-fields', { entity: 'company', ...def });
      expect(res.status, res.text).toBe(201);
    }
    await page.goto('/companies');
    await main().getByRole('button', { name: 'Firma anlegen' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Firma anlegen' });
    await field(dialog, 'Name').fill('Gasthaus Krone');
    await field(dialog, 'Jahresumsatz').fill('1234,5');
    await field(dialog, 'Kunde seit').fill('31.12.2025');
    await field(dialog, 'Name').click();
    await dialog.getByRole('switch', { name: 'Newsletter' }).check();
    await field(dialog, 'Branchen').click();
    await page.getByRole('option', { name: 'Handel' }).click();
    await page.getByRole('option', { name: 'Gastronomie' }).click();
    await field(dialog, 'Name').click();
    await screenshot(page, SHOTS, '14c-company-custom-fields');
    await dialog.getByRole('button', { name: 'Firma anlegen' }).click();
    await heading(page, 'Gasthaus Krone');
    const custom = main().getByRole('region', { name: 'Zusatzfelder' });
    await expect.poll(() => custom.locator('[data-field="jahresumsatz"]').textContent()).toMatch(/1\.234,50\s€/);
    await expect.poll(() => custom.locator('[data-field="kundeSeit"]').textContent()).toContain('31.12.2025');
    await expect.poll(() => custom.locator('[data-field="newsletter"]').textContent()).toContain('Ja');
    await expect.poll(() => custom.locator('[data-field="naechsterBesuch"]').textContent()).toContain('—');
    await custom.locator('[data-field="branchen"]').getByText('Handel', { exact: true }).waitFor();
    await custom.locator('[data-field="branchen"]').getByText('Gastronomie', { exact: true }).waitFor();
    const saved = (await admin.api.get(`/api/v1/companies?q=${encodeURIComponent('Gasthaus Krone')}`)).body.data[0];
    expect(saved.customFields).toEqual({
      jahresumsatz: 123450,
      kundeSeit: '2025-12-31',
      newsletter: true,
      branchen: ['Handel', 'Gastronomie'],
    });
    await screenshot(page, SHOTS, '14d-company-card-custom-fields');
  });

  it('gives selected contacts to another owner in one step', async () => {
    await nav().getByRole('link', { name: 'Kontakte' }).click();
    await page.locator('tr[data-contact="Jürgen Weber"]').waitFor();
    await main().getByRole('checkbox', { name: 'Jürgen Weber auswählen' }).check();
    await main().getByRole('checkbox', { name: 'Claudia Brandt auswählen' }).check();
    await page.getByTestId('selection-count').getByText('2 ausgewählt').waitFor();
    await page.getByRole('combobox', { name: 'Neuer Inhaber' }).click();
    await page.getByRole('option', { name: 'Anna Schmidt' }).click();
    await screenshot(page, SHOTS, '15-bulk-owner');
    await page.getByRole('button', { name: 'Inhaber ändern' }).click();
    await page.getByText('2 Einträge gehören jetzt Anna Schmidt.').waitFor();
    await expect.poll(() => page.locator('tr[data-contact="Jürgen Weber"]').textContent()).toContain('Anna Schmidt');
    const owned = await manager.api.get('/api/v1/contacts');
    expect(owned.body.data.map((c: { name: string }) => c.name).sort()).toEqual(['Claudia Brandt', 'Jürgen Weber']);
  });

  it('hands over all work of a user to a colleague from the users page', async () => {
    await nav().getByRole('link', { name: 'Benutzer' }).click();
    await heading(page, 'Benutzer');
    await page.getByRole('button', { name: 'Arbeit von Anna Schmidt übergeben' }).click();
    const dialog = page.getByRole('dialog', { name: 'Arbeit von Anna Schmidt übergeben' });
    await choose(page, dialog, 'Übergeben an', 'Max Müller');
    await dialog.getByRole('button', { name: 'Weiter' }).click();
    await dialog.getByText('Wirklich übergeben?').waitFor();
    await dialog.getByRole('button', { name: 'Jetzt übergeben' }).click();
    await dialog.getByText('2 Kontakte').waitFor();
    await dialog.getByText('0 Firmen').waitFor();
    await screenshot(page, SHOTS, '16-handover');
    await dialog.getByRole('button', { name: 'Fertig' }).click();
    expect((await manager.api.get('/api/v1/contacts')).body.data).toHaveLength(0);
  });

  it('shows a manager contacts and companies, without the custom field admin and bulk owner changes', async () => {
    const own = await manager.api.post('/api/v1/contacts', {
      firstName: 'Petra',
      lastName: 'Pohl',
      customFields: { kundentyp: 'Privat' },
    });
    expect(own.status, own.text).toBe(201);
    const other = await openPage(chrome.browser, { baseURL });
    try {
      await other.page.goto('/login');
      await login(other.page, 'anna.schmidt@fensterbau-mueller.de', PASSWORD);
      await heading(other.page, 'Übersicht');
      const labels = await navLabels(other.page);
      expect(labels).toContain('Kontakte');
      expect(labels).toContain('Firmen');
      expect(labels).not.toContain('Zusatzfelder');
      await other.page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kontakte' }).click();
      // She sees only her own contacts and no ticking for bulk owner changes.
      await other.page.locator('tr[data-contact="Petra Pohl"]').waitFor();
      await expect.poll(() => other.page.locator('tr[data-contact]').count()).toBe(1);
      await expect.poll(() => other.page.getByRole('checkbox').count()).toBe(0);
      await other.page.goto('/admin/custom-fields');
      await other.page.getByText('Kein Zugriff').waitFor();
    } finally {
      await other.context.close();
    }
  });

  it('fits a 390px phone: list and card', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/contacts');
    await heading(page, 'Kontakte');
    await page.locator('tr[data-contact="Erika Mustermann"]').waitFor();
    await screenshot(page, SHOTS, '17-phone-list');
    await page.getByRole('link', { name: 'Erika Mustermann' }).click();
    await heading(page, 'Erika Mustermann');
    await timeline().waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await screenshot(page, SHOTS, '18-phone-card');
    await page.getByRole('button', { name: 'Suche öffnen' }).click();
    await page.getByRole('dialog', { name: 'Suche' }).getByRole('combobox').fill('Weber');
    await page.getByRole('option', { name: /Jürgen Weber/ }).waitFor();
    await screenshot(page, SHOTS, '19-phone-search');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('speaks English when switched', async () => {
    await page.getByRole('banner').getByText('EN', { exact: true }).click();
    await heading(page, 'Erika Mustermann');
    await main().getByRole('region', { name: 'History' }).waitFor();
    await main().getByRole('region', { name: 'Figures' }).getByText('Won revenue').waitFor();
    await main().getByText('Contact details').waitFor();
    await screenshot(page, SHOTS, '20-card-english');
    await page.goto('/contacts/import');
    await heading(page, 'Import contacts');
    await screenshot(page, SHOTS, '21-import-english');
    await page.getByRole('banner').getByText('DE', { exact: true }).click();
    await heading(page, 'Kontakte importieren');
  });

  it('raised no page errors, CSP violations or server errors', () => {
    expect(problems).toEqual([]);
  });
});

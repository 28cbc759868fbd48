import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { launchBrowser, openPage, screenshot, type TestBrowser, trackPageProblems } from '../support/browser.ts';
import { login as apiLogin } from '../support/factories.ts';
import { choose, field, heading, login, navLabels, waitForPath } from './ui.ts';

// The SPA shell end to end: the real server with the built SPA, driven in German through headless Chromium.
const SHOTS = 'foundation';
const ADMIN = { name: 'Max Müller', email: 'max@fensterbau-mueller.de', password: 'richtig-geheim-42' };
const MANAGER = { name: 'Anna Schmidt', email: 'anna.schmidt@fensterbau-mueller.de', password: 'anna-geheim-2026' };
// The shell's own entries; the modules (contacts, deals, tasks …) add theirs between them and test them themselves.
const SHELL_NAV = ['Übersicht', 'Benutzer', 'Teams', 'API-Schlüssel', 'Firmendaten'];
const shellNav = async (p: Page) => (await navLabels(p)).filter((label) => SHELL_NAV.includes(label));

let t: TestApp;
let chrome: TestBrowser;
let baseURL: string;
let context: BrowserContext;
let page: Page;
let problems: string[];

describe('foundation: setup, admin screens, roles and language in a real browser', () => {
  beforeAll(async () => {
    t = await buildTestApp({ webDist: path.resolve('dist/web') });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    chrome = await launchBrowser();
    ({ context, page } = await openPage(chrome.browser, { baseURL }));
    problems = trackPageProblems(page);
  });

  // A failing step leaves a picture of what the browser showed.
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

  it('sends a fresh instance from / to the setup wizard and ends logged in', async () => {
    await page.goto('/');
    await waitForPath(page, '/setup');
    await heading(page, 'Kontor einrichten');
    await expect.poll(() => page.getByText('die Beispielbenutzer bekommen Ihr Passwort').count()).toBe(1);
    await screenshot(page, SHOTS, '01-setup');

    await field(page, 'Firmenname').fill('Fensterbau Müller GmbH');
    await field(page, 'Name').fill(ADMIN.name);
    await field(page, 'E-Mail').fill(ADMIN.email);
    await field(page, 'Passwort').fill(ADMIN.password);
    await field(page, 'Passwort wiederholen').fill('etwas-anderes');
    await page.getByRole('button', { name: 'Kontor einrichten' }).click();
    await page.getByText('Die Passwörter stimmen nicht überein.').waitFor();
    await field(page, 'Passwort wiederholen').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Kontor einrichten' }).click();

    await waitForPath(page, '/');
    await heading(page, 'Übersicht');
    await page.getByText(`, ${ADMIN.name}!`).waitFor();
    await expect.poll(() => page.getByText('Fensterbau Müller GmbH').count()).toBeGreaterThan(0);
    expect(await shellNav(page)).toEqual(['Übersicht', 'Benutzer', 'Teams', 'API-Schlüssel', 'Firmendaten']);
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    await page.getByRole('link', { name: /Team anlegen/ }).waitFor();
    await screenshot(page, SHOTS, '02-dashboard-admin');
  });

  it('creates the team "Vertrieb"', async () => {
    await page.getByRole('link', { name: /Team anlegen/ }).click();
    await waitForPath(page, '/admin/teams');
    const dialog = page.getByRole('dialog', { name: 'Team anlegen' });
    await field(dialog, 'Name').fill('Vertrieb');
    await screenshot(page, SHOTS, '03-team-dialog');
    await dialog.getByRole('button', { name: 'Team anlegen' }).click();
    await page.getByText('Team „Vertrieb“ wurde angelegt.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('tr[data-team="Vertrieb"]');
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('Keine Leitung');

    // The same name again is a conflict, shown next to the field.
    await page.getByRole('button', { name: 'Team anlegen' }).click();
    const again = page.getByRole('dialog', { name: 'Team anlegen' });
    await field(again, 'Name').fill('Vertrieb');
    await again.getByRole('button', { name: 'Team anlegen' }).click();
    await again.getByText('Wird bereits verwendet.').waitFor();
    await screenshot(page, SHOTS, '04-team-conflict');
    await again.getByRole('button', { name: 'Abbrechen' }).click();
    await again.waitFor({ state: 'hidden' });
  });

  it('creates a manager in that team', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Benutzer' }).click();
    await heading(page, 'Benutzer');
    await page.getByRole('button', { name: 'Benutzer anlegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Benutzer anlegen' });
    await field(dialog, 'Name').fill(MANAGER.name);
    await field(dialog, 'E-Mail').fill(MANAGER.email);
    await field(dialog, 'Passwort').fill(MANAGER.password);
    await choose(page, dialog, 'Rolle', 'Vertrieb/Manager');
    await choose(page, dialog, 'Team', 'Vertrieb');
    await screenshot(page, SHOTS, '05-user-dialog');
    await dialog.getByRole('button', { name: 'Benutzer anlegen' }).click();
    await page.getByText(`Benutzer „${MANAGER.name}“ wurde angelegt.`).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.locator(`tr[data-user="${MANAGER.email}"]`);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Vertrieb/Manager');
    expect(text).toContain('Vertrieb');
    expect(text).toContain('Aktiv');
    expect(text).toContain('noch nie');
    // The admin logged in at setup: the last login is shown in German date format.
    const adminRow = (await page.locator(`tr[data-user="${ADMIN.email}"]`).textContent()) ?? '';
    expect(adminRow).toMatch(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    expect(adminRow).toContain('Administrator');
    await screenshot(page, SHOTS, '06-users');
  });

  it('detects a concurrent change (412) and continues after reloading the record', async () => {
    await page.getByRole('button', { name: `${MANAGER.name} bearbeiten` }).click();
    const dialog = page.getByRole('dialog', { name: `${MANAGER.name} bearbeiten` });
    await field(dialog, 'Name').waitFor();

    // Meanwhile someone else renames her through the API.
    const other = await apiLogin(t, ADMIN.email, ADMIN.password);
    const anna = (await other.api.get(`/api/v1/users?q=${encodeURIComponent(MANAGER.email)}`)).body.data[0];
    expect((await other.api.patch(`/api/v1/users/${anna.id}`, { name: 'Anna Berger' })).status).toBe(200);

    await choose(page, dialog, 'Sprache', 'English');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Der Datensatz wurde inzwischen von jemand anderem geändert.', { exact: false }).waitFor();
    await screenshot(page, SHOTS, '06b-version-conflict');
    await dialog.getByRole('button', { name: 'Neu laden' }).click();
    await expect.poll(() => field(dialog, 'Name').inputValue()).toBe('Anna Berger');
    await field(dialog, 'Name').fill(MANAGER.name);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText(`Änderungen an „${MANAGER.name}“ wurden gespeichert.`).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const saved = (await other.api.get(`/api/v1/users/${anna.id}`)).body;
    expect(saved).toMatchObject({ name: MANAGER.name, locale: 'de' });
  });

  it('refuses to deactivate the last administrator, with the reason at the field', async () => {
    await page.getByRole('button', { name: `${ADMIN.name} bearbeiten` }).click();
    const dialog = page.getByRole('dialog', { name: `${ADMIN.name} bearbeiten` });
    // By keyboard: the switch is a real checkbox input.
    const active = dialog.getByRole('switch', { name: 'Aktiv' });
    await active.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => active.isChecked()).toBe(false);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.getByText('Kontor braucht mindestens einen aktiven Administrator.').waitFor();
    await dialog.getByText('Das steht im Widerspruch zu vorhandenen Daten.').waitFor();
    await screenshot(page, SHOTS, '07-last-admin');
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator(`tr[data-user="${ADMIN.email}"]`).textContent()).toContain('Aktiv');
  });

  it('makes the manager head of "Vertrieb" (picked from active users)', async () => {
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Teams' }).click();
    await heading(page, 'Teams');
    await page.getByRole('button', { name: 'Team Vertrieb bearbeiten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Team Vertrieb bearbeiten' });
    await choose(page, dialog, 'Leitung', MANAGER.name);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Team „Vertrieb“ wurde gespeichert.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('tr[data-team="Vertrieb"]');
    await expect.poll(() => row.textContent()).toContain(MANAGER.name);
    await expect.poll(() => row.textContent()).toMatch(/1$/);
    await screenshot(page, SHOTS, '08-teams');
  });

  it('saves the company details', async () => {
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Firmendaten' }).click();
    await heading(page, 'Firmendaten');
    await expect.poll(() => field(page, 'Firmenname (vollständig)').inputValue()).toBe('Fensterbau Müller GmbH');
    await field(page, 'Straße und Hausnummer').fill('Hauptstraße 12');
    await field(page, 'PLZ').fill('80331');
    await field(page, 'Ort').fill('München');
    await field(page, 'Land').fill('de');
    await field(page, 'USt-IdNr.').fill('DE123456789');
    await field(page, 'IBAN').fill('DE02120300000000202051');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Firmendaten wurden gespeichert.').waitFor();
    await expect.poll(() => field(page, 'Land').inputValue()).toBe('DE');
    await screenshot(page, SHOTS, '09-company');
  });

  it('filters the user list by role and search text', async () => {
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Benutzer' }).click();
    await heading(page, 'Benutzer');
    await choose(page, page.getByRole('main'), 'Rolle', 'Administrator');
    await expect.poll(() => page.locator('tr[data-user]').count()).toBe(1);
    await field(page, 'Suche').fill('keiner-heißt-so');
    await page.getByText('Keine passenden Benutzer').waitFor();
    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await expect.poll(() => page.locator('tr[data-user]').count()).toBe(2);
  });

  it('opens deep links directly and shows a not-found page for unknown routes', async () => {
    await page.goto('/admin/users');
    await heading(page, 'Benutzer');
    await page.locator(`tr[data-user="${MANAGER.email}"]`).waitFor();
    await page.goto('/admin/teams');
    await page.locator('tr[data-team="Vertrieb"]').waitFor();
    await expect.poll(() => page.locator('tr[data-team="Vertrieb"]').textContent()).toContain('Anna Schmidt');
    await page.goto('/gibt/es/nicht');
    await page.getByText('Seite nicht gefunden').waitFor();
    await screenshot(page, SHOTS, '10-not-found');
    await page.getByRole('link', { name: 'Zur Übersicht' }).click();
    await heading(page, 'Übersicht');
  });

  it('logs out through the user menu', async () => {
    await page.getByRole('button', { name: `Benutzermenü von ${ADMIN.name}` }).click();
    await page.getByRole('menuitem', { name: 'Abmelden' }).click();
    await waitForPath(page, '/login');
    await heading(page, 'Anmelden');
    // A deep link without a session leads to the login, which afterwards returns there.
    await page.goto('/admin/users');
    await waitForPath(page, '/login');
  });

  it('rejects a wrong password with a clear message', async () => {
    await login(page, MANAGER.email, 'falsches-passwort');
    await page.getByRole('alert').getByText('E-Mail oder Passwort ist falsch.').waitFor();
    await screenshot(page, SHOTS, '11-login-error');
  });

  it('shows the manager the German UI without the administration', async () => {
    await login(page, MANAGER.email, MANAGER.password);
    // Back to the deep link asked for before the login; it is not for managers.
    await waitForPath(page, '/admin/users');
    await page.getByText('Kein Zugriff').waitFor();
    await page.getByRole('link', { name: 'Zur Übersicht' }).click();
    await waitForPath(page, '/');
    await heading(page, 'Übersicht');
    await expect.poll(() => page.getByTestId('my-role').textContent()).toBe('Vertrieb/Manager');
    await expect.poll(() => page.getByTestId('my-team').textContent()).toBe('Vertrieb');
    expect(await shellNav(page)).toEqual(['Übersicht', 'API-Schlüssel']);
    await expect.poll(() => page.getByText('Administration').count()).toBe(0);
    await expect.poll(() => page.getByRole('link', { name: 'Benutzer' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('link', { name: 'Firmendaten' }).count()).toBe(0);
    await screenshot(page, SHOTS, '12-dashboard-manager');
  });

  it('lets the manager create an API key up to their own role, shown once', async () => {
    await page.goto('/api-keys');
    await heading(page, 'API-Schlüssel');
    await page.getByText('Keine API-Schlüssel').waitFor();
    await page.getByRole('button', { name: 'API-Schlüssel erstellen' }).click();
    const dialog = page.getByRole('dialog', { name: 'API-Schlüssel erstellen' });
    await field(dialog, 'Name').fill('Webshop');
    await dialog.getByRole('combobox', { name: 'Rolle', exact: true }).click();
    const options = await page.getByRole('option').allInnerTexts();
    expect(options).toEqual(['Vertrieb/Manager', 'Fachkraft (Außendienst)']);
    await page.getByRole('option', { name: 'Vertrieb/Manager' }).click();
    await dialog.getByRole('button', { name: 'API-Schlüssel erstellen' }).click();

    const shown = page.getByRole('dialog', { name: 'Ihr neuer API-Schlüssel' });
    const key = (await shown.getByTestId('new-api-key').textContent()) ?? '';
    expect(key).toMatch(/^kontor_/);
    await shown.getByRole('button', { name: 'Schlüssel kopieren' }).click();
    await shown.getByRole('button', { name: 'Kopiert' }).waitFor();
    await screenshot(page, SHOTS, '13-api-key-once');
    await shown.getByRole('button', { name: 'Fertig' }).click();
    await shown.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: 'Webshop', exact: true }).waitFor();
    await expect.poll(() => page.getByText(key).count()).toBe(0);
  });

  it('fits a 390px phone: the navigation hides behind the burger', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await heading(page, 'Übersicht');
    const burger = page.getByRole('button', { name: 'Navigation öffnen' });
    await burger.waitFor();
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect.poll(async () => (await nav.boundingBox())?.x ?? 0).toBeLessThan(0);
    await screenshot(page, SHOTS, '14-phone');
    await burger.click();
    await expect.poll(async () => (await nav.boundingBox())?.x ?? -1).toBe(0);
    await screenshot(page, SHOTS, '15-phone-menu');
    await nav.getByRole('link', { name: 'API-Schlüssel' }).click();
    await heading(page, 'API-Schlüssel');
    await expect.poll(async () => (await nav.boundingBox())?.x ?? 0).toBeLessThan(0);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('switches to English at once and keeps it as the user’s language', async () => {
    await page.goto('/profile');
    await heading(page, 'Profil');
    await page.getByRole('main').getByText('EN', { exact: true }).click();
    await heading(page, 'Profile');
    await page.getByText('The language has been saved.').waitFor();
    await page.reload();
    await heading(page, 'Profile');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto('/');
    await heading(page, 'Overview');
    await expect.poll(() => page.getByTestId('my-role').textContent()).toBe('Manager');
    await screenshot(page, SHOTS, '16-dashboard-english');
    await page.getByRole('button', { name: 'User menu of Anna Schmidt' }).click();
    await page.getByRole('menuitem', { name: 'Profile' }).click();
    await heading(page, 'Profile');
    await screenshot(page, SHOTS, '17-profile-english');
  });

  it('sends the user to the login when the session ends elsewhere', async () => {
    // An administrator sets a new password for her: all her sessions end.
    const admin = await apiLogin(t, ADMIN.email, ADMIN.password);
    const anna = (await admin.api.get(`/api/v1/users?q=${encodeURIComponent(MANAGER.email)}`)).body.data[0];
    expect((await admin.api.patch(`/api/v1/users/${anna.id}`, { password: 'ganz-neu-2026' })).status).toBe(200);

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'API keys' }).click();
    await waitForPath(page, '/login');
    await page.getByText('Your session has ended. Please log in again.').waitFor();
    // Before login the UI keeps the language chosen last in this browser.
    await heading(page, 'Log in');
    await screenshot(page, SHOTS, '18-login-english');
  });

  it('raised no page errors, CSP violations or server errors', () => {
    expect(problems).toEqual([]);
  });
});

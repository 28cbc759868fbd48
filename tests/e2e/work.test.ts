/// <reference lib="dom" />
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { launchBrowser, openPage, screenshot, type TestBrowser, trackPageProblems } from '../support/browser.ts';
import { createTeam, createUser, PASSWORD, type Session, setupAdmin } from '../support/factories.ts';
import { choose, field, heading, login, waitForPath } from './ui.ts';

// Tasks, notifications, calendar and work settings end to end: the real server with the built SPA in Chromium.
const SHOTS = 'work';
const MIN = 60_000;

let t: TestApp;
let chrome: TestBrowser;
let baseURL: string;
let context: BrowserContext;
let page: Page;
let problems: string[];
/** A second page when a test needs one (its picture is taken too when the test fails). */
let other: Page | undefined;
let admin: Session;
let head: Session;
let manager: Session;

/** The instant of a wall-clock time in Berlin (the browser's zone), whatever zone Node runs in. */
function berlin(y: number, m: number, d: number, h: number, min = 0): Date {
  const guess = new Date(Date.UTC(y, m - 1, d, h, min));
  const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
    .formatToParts(guess)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(offset ?? '');
  const minutes = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return new Date(guess.getTime() - minutes * MIN);
}

/** A Berlin calendar day `days` from now, as [y, m, d] and its "YYYY-MM-DD" key. */
function berlinDay(days: number): { y: number; m: number; d: number; key: string; weekday: number } {
  const at = new Date(Date.now() + days * 86_400_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday as string);
  return {
    y: Number(parts.year),
    m: Number(parts.month),
    d: Number(parts.day),
    key: `${parts.year}-${parts.month}-${parts.day}`,
    weekday,
  };
}

async function createTask(session: Session, body: Record<string, unknown>) {
  const res = await session.api.post('/api/v1/tasks', body);
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; title: string; dueAt: string; version: number };
}

async function dragTo(p: Page, from: string, to: string) {
  const source = await p.locator(from).boundingBox();
  const target = await p.locator(to).boundingBox();
  if (!source || !target) throw new Error(`cannot drag ${from} to ${to}`);
  await p.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await p.mouse.down();
  await p.mouse.move(source.x + source.width / 2 + 10, source.y + source.height / 2 + 10, { steps: 4 });
  await p.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  // Let go once the grid shows where the task would land, as a person does.
  await p.locator(`${to}[data-over]`).waitFor();
  await p.mouse.up();
}

const bell = (p: Page) => p.getByRole('button', { name: /^Benachrichtigungen, \d+ ungelesen$/ });

describe('work: tasks, live notifications, calendar and work settings in a real browser', () => {
  beforeAll(async () => {
    t = await buildTestApp({ webDist: path.resolve('dist/web') });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    admin = await setupAdmin(t);
    const team = await createTeam(admin, { name: 'Vertrieb' });
    head = await createUser(t, admin, { role: 'head', teamId: team.id, name: 'Sabine Hoffmann', email: 'sabine@example.de' });
    expect((await admin.api.patch(`/api/v1/teams/${team.id}`, { headId: head.user.id })).status).toBe(200);
    manager = await createUser(t, admin, { role: 'manager', teamId: team.id, name: 'Thomas Becker', email: 'thomas@example.de' });
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
    await context?.close();
    await chrome?.close();
    await t?.close();
  });

  it('shows the head a task escalation in the bell at once (SSE, no reload) and leads to the task', async () => {
    const events = page.waitForResponse((res) => res.url().endsWith('/api/v1/events'));
    await page.goto('/tasks');
    await waitForPath(page, '/login');
    await login(page, head.user.email, PASSWORD);
    await heading(page, 'Aufgaben');
    expect((await events).status()).toBe(200);
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Benachrichtigungen, 0 ungelesen');
    await page.getByText('Für heute ist nichts offen.').waitFor();
    // A marker that a reload would wipe.
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    const due = new Date(t.clock.now().getTime() + 10 * MIN);
    const task = await createTask(manager, {
      title: 'Rückruf Familie Wagner',
      type: 'call',
      dueAt: due.toISOString(),
    });
    // The manager lets it expire.
    t.clock.set(new Date(due.getTime() + 1000));
    expect(await t.app.scheduler.tick()).toBeGreaterThanOrEqual(1);

    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Benachrichtigungen, 1 ungelesen');
    const toast = page.getByRole('alert').filter({ hasText: 'Überfällig: Rückruf Familie Wagner (Thomas Becker)' });
    await toast.waitFor();
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await screenshot(page, SHOTS, '01-bell-live');

    await bell(page).click();
    const item = page.locator('[data-notification="task.escalated"]');
    await item.waitFor();
    await expect.poll(() => item.getAttribute('data-unread')).toBe('true');
    await expect.poll(() => item.textContent()).toContain('Fällig war');
    await screenshot(page, SHOTS, '02-bell-open');
    await item.click();
    await waitForPath(page, `/tasks/${task.id}`);
    await heading(page, 'Rückruf Familie Wagner');
    await page.getByText('eskaliert', { exact: true }).first().waitFor();
    await expect.poll(() => bell(page).getAttribute('aria-label')).toBe('Benachrichtigungen, 0 ungelesen');
    const read = (await head.api.get('/api/v1/notifications')).body;
    expect(read.unreadCount).toBe(0);
    expect(read.data[0]).toMatchObject({ kind: 'task.escalated', entityId: task.id });
    expect(read.data[0].readAt).not.toBeNull();
    await screenshot(page, SHOTS, '03-task-escalated');
  });

  it('edits the task without touching its due time (the escalation stays)', async () => {
    await page.getByRole('button', { name: 'Bearbeiten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aufgabe bearbeiten' });
    await expect.poll(() => field(dialog, 'Titel').inputValue()).toBe('Rückruf Familie Wagner');
    await field(dialog, 'Beschreibung').fill('Frau Wagner möchte drei Fenster im Erdgeschoss tauschen.');
    await screenshot(page, SHOTS, '03b-edit-dialog');
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Frau Wagner möchte drei Fenster im Erdgeschoss tauschen.').waitFor();
    const id = new URL(page.url()).pathname.split('/').at(-1);
    const saved = (await head.api.get(`/api/v1/tasks/${id}`)).body;
    expect(saved.description).toBe('Frau Wagner möchte drei Fenster im Erdgeschoss tauschen.');
    expect(saved.escalatedAt).not.toBeNull();
  });

  it('comments on the task and completes it with a note', async () => {
    await field(page, 'Kommentar').fill('Kunde ist erst ab 16 Uhr erreichbar.');
    await page.getByRole('button', { name: 'Kommentieren' }).click();
    await page.locator('[data-comment]').filter({ hasText: 'Kunde ist erst ab 16 Uhr erreichbar.' }).waitFor();

    await page.getByRole('button', { name: 'Erledigen', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '„Rückruf Familie Wagner“ erledigen' });
    await field(dialog, 'Notiz (optional)').fill('Termin für Aufmaß am Dienstag 10 Uhr vereinbart.');
    await screenshot(page, SHOTS, '04-complete-dialog');
    await dialog.getByRole('button', { name: 'Als erledigt markieren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('task-status').first().textContent()).toBe('Erledigt');
    await page.getByTestId('task-completion').getByText('Termin für Aufmaß am Dienstag 10 Uhr vereinbart.').waitFor();

    const id = new URL(page.url()).pathname.split('/').at(-1);
    const done = (await head.api.get(`/api/v1/tasks/${id}`)).body;
    expect(done).toMatchObject({
      status: 'done',
      completionNote: 'Termin für Aufmaß am Dienstag 10 Uhr vereinbart.',
      completedBy: head.user.id,
    });
    await screenshot(page, SHOTS, '05-task-done');
  });

  it('completes a task from "Heute" and shows it under "Erledigt"; quick-adds one', async () => {
    await createTask(head, {
      title: 'Angebot Müller nachfassen',
      type: 'call',
      // A minute after the (frozen) server time: today, and not overdue while the clock stands still.
      dueAt: new Date(t.clock.now().getTime() + MIN).toISOString(),
    });
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Aufgaben' }).click();
    await heading(page, 'Aufgaben');
    const row = page.locator('[data-task="Angebot Müller nachfassen"]');
    await row.waitFor();
    await screenshot(page, SHOTS, '06-my-tasks-today');

    await row.getByRole('button', { name: '„Angebot Müller nachfassen“ erledigen' }).click();
    const dialog = page.getByRole('dialog', { name: '„Angebot Müller nachfassen“ erledigen' });
    await field(dialog, 'Notiz (optional)').fill('Angebot angenommen.');
    await dialog.getByRole('button', { name: 'Als erledigt markieren' }).click();
    await row.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Erledigt' }).click();
    await page.locator('[data-task="Angebot Müller nachfassen"][data-status="done"]').waitFor();

    await page.getByRole('tab', { name: 'Ohne Termin' }).click();
    await page.getByRole('textbox', { name: 'Neue Aufgabe' }).fill('Musterfenster bestellen');
    await page.keyboard.press('Enter');
    await page.locator('[data-task="Musterfenster bestellen"]').waitFor();

    await page.getByRole('tab', { name: 'Team' }).click();
    await page.locator('[data-task="Musterfenster bestellen"]').waitFor();
    await screenshot(page, SHOTS, '07-team-view');
  });

  it('creates a task linked to a contact in the dialog', async () => {
    const contact = await head.api.post('/api/v1/contacts', { firstName: 'Anna', lastName: 'Schmidt' });
    expect(contact.status, contact.text).toBe(201);
    await page.getByRole('button', { name: 'Aufgabe anlegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Aufgabe anlegen' });
    await field(dialog, 'Titel').fill('Aufmaß vereinbaren');
    await choose(page, dialog, 'Art', 'Termin');
    await expect.poll(() => field(dialog, 'Erinnerung (Minuten vorher)').inputValue()).toBe('60');
    await dialog.getByRole('combobox', { name: 'Kontakt' }).fill('Schmidt');
    await page.getByRole('option', { name: /^Anna Schmidt/ }).click();
    await screenshot(page, SHOTS, '08-create-dialog');
    await dialog.getByRole('button', { name: 'Aufgabe anlegen' }).click();
    await page.getByText('Aufgabe „Aufmaß vereinbaren“ wurde angelegt.').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const created = (await head.api.get('/api/v1/tasks?q=Aufma%C3%9F%20vereinbaren')).body.data[0];
    expect(created).toMatchObject({
      type: 'meeting',
      contactId: contact.body.id,
      contactName: 'Anna Schmidt',
      reminderMinutes: 60,
      assigneeId: head.user.id,
    });
  });

  it('reschedules a task by dragging it in the week view (and by keyboard)', async () => {
    const day = berlinDay(7);
    const target = berlinDay(day.weekday === 6 ? 6 : 8);
    const task = await createTask(head, {
      title: 'Aufmaß Familie Schulz',
      type: 'measurement',
      dueAt: berlin(day.y, day.m, day.d, 10).toISOString(),
    });
    // The whole grid in view: near the window's edge a drag scrolls the page (dnd-kit auto-scroll).
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.goto(`/calendar?view=week&date=${day.key}`);
    await heading(page, 'Kalender');
    const chip = `[data-calendar-task="Aufmaß Familie Schulz"]`;
    await page.locator(`[data-slot="${day.key}|6"] ${chip}`).waitFor();
    await expect
      .poll(() => page.getByTestId('calendar-range').textContent())
      .toMatch(/^KW \d+ · \d{2}\.\d{2}\.\d{4} – \d{2}\.\d{2}\.\d{4}$/);
    await screenshot(page, SHOTS, '09-calendar-week');

    // 10:00 → 14:00 (row 14) on another day of the week.
    await dragTo(page, chip, `[data-slot="${target.key}|14"]`);
    await page.getByText('„Aufmaß Familie Schulz“ ist jetzt fällig am').waitFor();
    await page.locator(`[data-slot="${target.key}|14"] ${chip}`).waitFor();
    const expected = berlin(target.y, target.m, target.d, 14).toISOString();
    await expect.poll(async () => (await head.api.get(`/api/v1/tasks/${task.id}`)).body.dueAt).toBe(expected);
    await screenshot(page, SHOTS, '10-calendar-dragged');

    // Keyboard: Space picks it up, ArrowDown moves it by 30 minutes, Space drops it.
    await page.locator(chip).focus();
    await page.keyboard.press('Space');
    await page.locator(`[data-slot="${target.key}|14"][data-over]`).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.locator(`[data-slot="${target.key}|15"][data-over]`).waitFor();
    await page.keyboard.press('Space');
    const later = berlin(target.y, target.m, target.d, 14, 30).toISOString();
    await expect.poll(async () => (await head.api.get(`/api/v1/tasks/${task.id}`)).body.dueAt).toBe(later);
    await page.locator(`[data-slot="${target.key}|15"] ${chip}`).waitFor();
    expect(new URL(page.url()).pathname).toBe('/calendar');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The head's team this week, in the assignees' colours.
    await page.getByRole('button', { name: 'Heute' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.has('date')).toBe(false);
    await page.getByText('Team', { exact: true }).click();
    await page.locator('[data-calendar-task="Rückruf Familie Wagner"]').waitFor();
    await screenshot(page, SHOTS, '10b-calendar-team');
  });

  it('shows a secret calendar subscription URL that serves the tasks as iCalendar', async () => {
    await page.getByRole('button', { name: 'Kalender abonnieren' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kalender abonnieren' });
    await dialog.getByText('Outlook:', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Abo-Link erzeugen' }).click();
    const url = await dialog.getByTestId('calendar-url').inputValue();
    expect(url).toMatch(/\/api\/v1\/calendar\/feed\/[A-Za-z0-9_-]{20,}\.ics$/);
    await screenshot(page, SHOTS, '11-calendar-subscribe');
    const feed = await fetch(`${baseURL}${new URL(url).pathname}`);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    expect(await feed.text()).toContain('Aufmaß Familie Schulz');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('lets the administrator set business hours and add a task type', async () => {
    const opened = await openPage(chrome.browser, { baseURL });
    const adminPage = opened.page;
    other = adminPage;
    const adminProblems = trackPageProblems(adminPage);
    await adminPage.goto('/admin/work');
    await login(adminPage, 'admin@example.de', PASSWORD);
    await heading(adminPage, 'Arbeitszeiten & Aufgaben');
    await adminPage.getByRole('switch', { name: 'Geschäftszeiten berücksichtigen' }).check({ force: true });
    await adminPage.getByRole('button', { name: 'Speichern' }).click();
    await adminPage.getByText('Einstellungen gespeichert.').waitFor();
    const settings = (await admin.api.get('/api/v1/settings/work')).body;
    expect(settings.businessHours).toMatchObject({ enabled: true, timeZone: 'Europe/Berlin' });

    await adminPage.getByRole('button', { name: 'Art hinzufügen' }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Art hinzufügen' });
    await field(dialog, 'Schlüssel').fill('delivery');
    await field(dialog, 'Name (Deutsch)').fill('Lieferung');
    await field(dialog, 'Name (Englisch)').fill('Delivery');
    await field(dialog, 'Erinnerung (Min. vorher)').fill('120');
    await dialog.getByRole('button', { name: 'Art hinzufügen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await adminPage.locator('tr[data-task-type="delivery"]').waitFor();
    await screenshot(adminPage, SHOTS, '12-work-settings');
    expect(adminProblems).toEqual([]);
    await opened.context.close();
  });

  it('fits a 390px phone and speaks English', async () => {
    await manager.api.patch('/api/v1/auth/me', { locale: 'en' });
    const phone = await openPage(chrome.browser, { baseURL, viewport: { width: 390, height: 844 } });
    const p = phone.page;
    other = p;
    const phoneProblems = trackPageProblems(p);
    await p.goto('/tasks?view=overdue');
    await login(p, manager.user.email, PASSWORD);
    await heading(p, 'Tasks');
    await createTask(manager, {
      title: 'Call back Mrs Wagner',
      type: 'call',
      dueAt: new Date(t.clock.now().getTime() - 5 * MIN).toISOString(),
    });
    await p.locator('[data-task="Call back Mrs Wagner"]').waitFor();
    await p.getByText('Overdue').first().waitFor();
    await screenshot(p, SHOTS, '13-phone-tasks-english');
    const englishBell = p.getByRole('button', { name: /^Notifications, \d+ unread$/ });
    await expect.poll(() => englishBell.getAttribute('aria-label')).toBe('Notifications, 1 unread');
    await englishBell.click();
    await p.locator('[data-notification="task.reminder"]').first().waitFor();
    await screenshot(p, SHOTS, '13b-phone-bell-english');
    await p.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => englishBell.getAttribute('aria-label')).toBe('Notifications, 0 unread');
    await p.keyboard.press('Escape');
    await p.goto('/calendar');
    await heading(p, 'Calendar');
    await screenshot(p, SHOTS, '14-phone-calendar-english');
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(phoneProblems).toEqual([]);
    await phone.context.close();
  });

  it('raised no page errors, CSP violations or server errors', () => {
    expect(problems).toEqual([]);
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { logoPng } from '../fixtures/png.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { launchBrowser, openPage, screenshot, type TestBrowser, trackPageProblems } from '../support/browser.ts';
import { createUser, PASSWORD, type Session, setupAdmin } from '../support/factories.ts';
import { pdfPages } from '../support/pdf.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { choose, field, heading, login } from './ui.ts';

// Documents end to end: the admin edits the offer template with its live preview and uploads the logo;
// the manager issues an offer on a deal, downloads it, e-mails it to a real SMTP server, issues an
// invoice and cancels it; the contact's card lists them. German first, then a phone in English.
const SHOTS = 'documents';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let chrome: TestBrowser;
let baseURL: string;
let admin: Session;
let manager: Session;
let contactId: string;
let dealId: string;

let maxCtx: BrowserContext;
let maxPage: Page;
let thomasCtx: BrowserContext;
let thomasPage: Page;
let maxProblems: string[];
let thomasProblems: string[];

const LINE = 'Die Montage übernimmt unser Meisterteam aus München.';

/** Visible text with the non-breaking spaces of Intl formatting as plain spaces. */
async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');
}

const flat = (pdf: Buffer) => pdfPages(pdf).join('\n').replace(/\s+/g, ' ');
const documentsPanel = (p: Page) => p.getByRole('main').getByRole('region', { name: /^(Dokumente|Documents)$/ });
const row = (p: Page, number: string) => documentsPanel(p).locator(`[data-document="${number}"]`);

/** Downloads a document's PDF through its download button, as the browser saves it. */
async function download(p: Page, number: string): Promise<{ file: string; pdf: Buffer }> {
  const [saved] = await Promise.all([
    p.waitForEvent('download'),
    row(p, number)
      .getByRole('link', { name: `${number} herunterladen` })
      .click(),
  ]);
  const file = path.join(chrome.dir, `${number}.pdf`);
  await saved.saveAs(file);
  expect(saved.suggestedFilename()).toBe(`${number}.pdf`);
  return { file, pdf: fs.readFileSync(file) };
}

async function createDocument(p: Page, template: string) {
  await documentsPanel(p).getByRole('button', { name: 'Dokument erstellen' }).click();
  const dialog = p.getByRole('dialog', { name: 'Dokument erstellen' });
  await choose(p, dialog, 'Vorlage', template);
  return dialog;
}

describe('documents: templates, logo, offers, e-mail and cancellation in a real browser', () => {
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await buildTestApp({
      webDist: path.resolve(process.env.KONTOR_E2E_WEB_DIST ?? 'dist/web'),
      env: { KONTOR_SMTP_URL: smtp.url },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseURL = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;

    admin = await setupAdmin(t, { name: 'Max Müller', email: 'max@fensterbau-mueller.de' });
    manager = await createUser(t, admin, { name: 'Thomas Becker', email: 'thomas@fensterbau-mueller.de', role: 'manager' });
    const company = await admin.api.patch('/api/v1/settings/company', {
      legalName: 'Fensterbau Müller GmbH',
      address: { street: 'Hauptstraße 12', zip: '80331', city: 'München', country: 'DE' },
      vatId: 'DE123456789',
      taxNumber: '143/123/45678',
      iban: 'DE02120300000000202051',
      bic: 'BYLADEM1001',
      bankName: 'Deutsche Kreditbank',
    });
    expect(company.status, company.text).toBe(200);
    const contact = await manager.api.post('/api/v1/contacts', {
      firstName: 'Anna',
      lastName: 'Schmidt',
      email: 'anna.schmidt@example.de',
      address: { street: 'Lindenallee 5', zip: '50667', city: 'Köln' },
    });
    contactId = contact.body.id;
    const deal = await manager.api.post('/api/v1/deals', { title: 'Fenster Schmidt', contactId });
    expect(deal.status, deal.text).toBe(201);
    dealId = deal.body.id;
    for (const item of [
      { description: 'Kunststofffenster 120×140', quantity: 3, unitPriceCents: 48_900, taxRate: 19 },
      { description: 'Montage und Abdichtung', quantity: 4, unitPriceCents: 6_500, taxRate: 19 },
    ]) {
      expect((await manager.api.post(`/api/v1/deals/${dealId}/line-items`, item)).status).toBe(201);
    }

    chrome = await launchBrowser();
    ({ context: maxCtx, page: maxPage } = await openPage(chrome.browser, { baseURL }));
    ({ context: thomasCtx, page: thomasPage } = await openPage(chrome.browser, { baseURL }));
    maxProblems = trackPageProblems(maxPage);
    thomasProblems = trackPageProblems(thomasPage);
  });

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 50);
      await screenshot(maxPage, SHOTS, `failed-${name}-max`);
      await screenshot(thomasPage, SHOTS, `failed-${name}-thomas`);
    });
  });

  afterAll(async () => {
    await maxCtx?.close();
    await thomasCtx?.close();
    await chrome?.close();
    await t?.close();
    await smtp?.close();
  });

  it('the admin edits the offer template and the live preview follows; a typo is shown with its line', async () => {
    await maxPage.goto('/login');
    await login(maxPage, 'max@fensterbau-mueller.de', PASSWORD);
    await heading(maxPage, 'Übersicht');
    await maxPage.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Dokumentvorlagen' }).click();
    await heading(maxPage, 'Dokumentvorlagen');
    const offers = maxPage.getByRole('list', { name: 'Angebot' });
    await offers.locator('[data-template="Angebot"]').waitFor();
    await expect.poll(() => offers.locator('[data-template="Offer"]').textContent()).toContain('EN');
    await maxPage.getByRole('list', { name: 'Rechnung' }).locator('[data-template="Rechnung"]').waitFor();
    await screenshot(maxPage, SHOTS, '01-templates');

    // Chromium does not hand out the body of a fetched PDF afterwards; the route passes each real answer on and keeps a copy.
    const previews: { source: string; status: number; body: Buffer }[] = [];
    await maxPage.route('**/api/v1/document-templates/preview', async (route) => {
      const res = await route.fetch();
      const body = await res.body();
      previews.push({ source: JSON.parse(route.request().postData() ?? '{}').source, status: res.status(), body });
      await route.fulfill({ response: res, body });
    });
    const previewOf = async (needle: string) => {
      await expect.poll(() => previews.some((x) => x.source.includes(needle)), { timeout: 10_000 }).toBe(true);
      return previews.find((x) => x.source.includes(needle)) as (typeof previews)[number];
    };
    await offers.getByRole('link', { name: 'Angebot', exact: true }).click();
    await heading(maxPage, 'Angebot');
    await expect.poll(() => previews[0]?.status, { timeout: 10_000 }).toBe(200);
    const frame = maxPage.getByTitle('PDF-Vorschau der Vorlage');
    await expect.poll(() => frame.getAttribute('src'), { timeout: 10_000 }).toMatch(/^blob:/);
    const before = await frame.getAttribute('src');

    const source = field(maxPage, 'Vorlage (Handlebars)');
    const original = await source.inputValue();
    expect(original).toContain('{{contact.name}}');
    // A typo in a field name: the preview says which line, and the old PDF stays.
    await source.fill(`${original}\n{{contact.nmae}}`);
    expect((await previewOf('nmae')).status).toBe(422);
    const lines = original.split('\n').length + 1;
    await maxPage.getByTestId('template-error').getByText(`Fehler in Zeile ${lines}`).waitFor();
    await expect.poll(() => maxPage.getByTestId('template-error').textContent()).toContain('"nmae" not defined');
    await screenshot(maxPage, SHOTS, '02-template-error');

    await source.fill(original.replace('Wir freuen uns auf Ihren Auftrag.', `${LINE}\n\nWir freuen uns auf Ihren Auftrag.`));
    const answer = await previewOf('Meisterteam');
    expect(answer.status).toBe(200);
    const preview = flat(answer.body);
    expect(preview).toContain(LINE);
    expect(preview).toContain('Anna Schmidt'); // the sample data
    await maxPage.getByTestId('template-error').waitFor({ state: 'detached' });
    await expect.poll(() => frame.getAttribute('src'), { timeout: 10_000 }).not.toBe(before);
    await maxPage.getByTestId('preview-state').and(maxPage.locator('[data-busy="false"]')).waitFor();
    await screenshot(maxPage, SHOTS, '03-template-editor');

    await maxPage.getByRole('button', { name: 'Als neue Version speichern' }).click();
    await maxPage.getByText('Gespeichert als Version 2.').waitFor();
    const versions = maxPage.getByRole('list', { name: 'Versionen' });
    expect(await text(versions.locator('[data-version="2"]'))).toContain('Max Müller');
    expect(await text(versions.locator('[data-version="1"]'))).toContain('ausgeliefert');
    const offer = (await admin.api.get('/api/v1/document-templates?kind=offer')).body.data.find(
      (x: { locale: string }) => x.locale === 'de',
    );
    expect(offer.version).toBe(2);
    expect(offer.source).toContain(LINE);
  });

  it('the admin uploads the company logo and sees it', async () => {
    await maxPage.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Firmendaten' }).click();
    await heading(maxPage, 'Firmendaten');
    await maxPage.getByText('Kein Logo hinterlegt').waitFor();
    await expect.poll(() => field(maxPage, 'Steuernummer').inputValue()).toBe('143/123/45678');
    await maxPage.locator('input[type="file"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logoPng() });
    await maxPage.getByText('Logo gespeichert.').waitFor();
    const img = maxPage.getByRole('img', { name: 'Aktuelles Firmenlogo' });
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(240);
    await maxPage.getByRole('button', { name: 'Logo ersetzen' }).waitFor();
    await screenshot(maxPage, SHOTS, '04-company-logo');
    const stored = await admin.api.get('/api/v1/settings/company/logo');
    expect(stored.status).toBe(200);
  });

  it('the manager creates an offer on the deal and downloads its PDF', async () => {
    await thomasPage.goto(`/deals/${dealId}`);
    await login(thomasPage, 'thomas@fensterbau-mueller.de', PASSWORD);
    await heading(thomasPage, 'Fenster Schmidt');
    await documentsPanel(thomasPage).getByText('Noch keine Dokumente.', { exact: false }).waitFor();

    const dialog = await createDocument(thomasPage, 'Angebot (DE)');
    await dialog.getByText('2.055,13 € brutto', { exact: false }).waitFor(); // (3 × 489 + 4 × 65) × 1,19 = 1.727 × 1,19
    await screenshot(thomasPage, SHOTS, '05-create-dialog');
    await dialog.getByRole('button', { name: 'Erstellen' }).click();
    await thomasPage.getByText('Angebot AN-2026-0001 erstellt.').waitFor();
    const offer = row(thomasPage, 'AN-2026-0001');
    await offer.waitFor();
    expect(await text(offer)).toContain('Angebot');
    expect(await text(offer)).toContain('2.055,13 €');
    await expect.poll(() => offer.getAttribute('data-state')).toBe('issued');
    await expect
      .poll(() => offer.getByRole('link', { name: 'AN-2026-0001', exact: true }).getAttribute('href'))
      .toMatch(/^\/api\/v1\/documents\/[\w-]+\/pdf\?inline=true$/);

    const { file, pdf } = await download(thomasPage, 'AN-2026-0001');
    const content = flat(pdf);
    for (const expected of ['Angebot AN-2026-0001', 'Anna Schmidt', 'Lindenallee 5', LINE, 'Gesamtbetrag 2.055,13 €']) {
      expect(content, expected).toContain(expected);
    }
    // The uploaded logo is in the letterhead.
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.some((line) => /\s240\s+80\s/.test(line))).toBe(true);

    const timeline = thomasPage.getByTestId('timeline');
    await timeline.getByText('Thomas Becker hat Angebot AN-2026-0001 erstellt').waitFor();
  });

  it('sends the offer to the contact through a real SMTP server; the timeline shows it', async () => {
    await row(thomasPage, 'AN-2026-0001').getByRole('button', { name: 'Weitere Aktionen für AN-2026-0001' }).click();
    await thomasPage.getByRole('menuitem', { name: 'Per E-Mail senden' }).click();
    const dialog = thomasPage.getByRole('dialog', { name: 'AN-2026-0001 per E-Mail senden' });
    await expect.poll(() => field(dialog, 'Empfänger').inputValue()).toBe('anna.schmidt@example.de');
    await expect.poll(() => field(dialog, 'Betreff').inputValue()).toBe('Angebot AN-2026-0001 – Fensterbau Müller GmbH');
    const message = field(dialog, 'Nachricht');
    await expect
      .poll(() => message.inputValue())
      .toBe(
        'Guten Tag Anna Schmidt,\n\nanbei erhalten Sie unser Dokument Angebot AN-2026-0001.\n\nMit freundlichen Grüßen\nThomas Becker',
      );
    await message.fill(
      (await message.inputValue()).replace('AN-2026-0001.', 'AN-2026-0001. Den Aufmaßtermin bestätigen wir gern.'),
    );
    await screenshot(thomasPage, SHOTS, '06-send-dialog');
    await dialog.getByRole('button', { name: 'Senden' }).click();
    await thomasPage.getByText('AN-2026-0001 an anna.schmidt@example.de gesendet.').waitFor();

    const mail = await smtp.waitFor((m) => m.subject.includes('AN-2026-0001'));
    expect(mail.to).toEqual(['anna.schmidt@example.de']);
    expect(mail.subject).toBe('Angebot AN-2026-0001 – Fensterbau Müller GmbH');
    expect(mail.text).toContain('Den Aufmaßtermin bestätigen wir gern.');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]?.filename).toBe('AN-2026-0001.pdf');
    expect(flat(mail.attachments[0]?.content as Buffer)).toContain('Angebot AN-2026-0001');

    await expect.poll(() => row(thomasPage, 'AN-2026-0001').getAttribute('data-state')).toBe('sent');
    expect(await text(row(thomasPage, 'AN-2026-0001').getByTestId('document-state'))).toBe('gesendet');
    const timeline = thomasPage.getByTestId('timeline');
    const sent = timeline.locator('[data-type="email"]').first();
    await sent.getByText('Angebot AN-2026-0001 – Fensterbau Müller GmbH → anna.schmidt@example.de', { exact: false }).waitFor();
    await screenshot(thomasPage, SHOTS, '07-deal-documents');
  });

  it('creates an invoice and cancels it with a cancellation invoice', async () => {
    const dialog = await createDocument(thomasPage, 'Rechnung (DE)');
    await field(dialog, 'Leistungsdatum').waitFor();
    await dialog.getByRole('button', { name: 'Erstellen' }).click();
    await thomasPage.getByText('Rechnung RE-2026-0001 erstellt.').waitFor();
    await row(thomasPage, 'RE-2026-0001').getByRole('button', { name: 'Weitere Aktionen für RE-2026-0001' }).click();
    await thomasPage.getByRole('menuitem', { name: 'Stornieren' }).click();
    const confirm = thomasPage.getByRole('dialog', { name: 'Rechnung RE-2026-0001 stornieren?' });
    expect(await text(confirm)).toContain('-2.055,13 €');
    await screenshot(thomasPage, SHOTS, '08-cancel-confirm');
    await confirm.getByRole('button', { name: 'Stornorechnung erstellen' }).click();
    await thomasPage.getByText('Stornorechnung RE-2026-0002 erstellt.').waitFor();

    const correction = row(thomasPage, 'RE-2026-0002');
    await correction.waitFor();
    expect(await text(correction)).toContain('Stornorechnung');
    expect(await text(correction)).toContain('-2.055,13 €');
    await expect.poll(() => row(thomasPage, 'RE-2026-0001').getAttribute('data-state')).toBe('canceled');
    // A cancelled invoice cannot be cancelled again; the menu no longer offers it.
    await row(thomasPage, 'RE-2026-0001').getByRole('button', { name: 'Weitere Aktionen für RE-2026-0001' }).click();
    await thomasPage.getByRole('menuitem', { name: 'Per E-Mail senden' }).waitFor();
    await expect.poll(() => thomasPage.getByRole('menuitem', { name: 'Stornieren' }).count()).toBe(0);
    await thomasPage.keyboard.press('Escape');

    const docs = (await manager.api.get(`/api/v1/deals/${dealId}/documents`)).body.data;
    expect(docs.map((d: { number: string; status: string }) => `${d.number}:${d.status}`).sort()).toEqual([
      'AN-2026-0001:issued',
      'RE-2026-0001:canceled',
      'RE-2026-0002:issued',
    ]);
    const { pdf } = await download(thomasPage, 'RE-2026-0002');
    expect(flat(pdf)).toContain('storniert die Rechnung RE-2026-0001');
    await screenshot(thomasPage, SHOTS, '09-deal-after-cancel');
  });

  it('the contact card lists the documents to download', async () => {
    await thomasPage.goto(`/contacts/${contactId}`);
    await heading(thomasPage, 'Anna Schmidt');
    for (const number of ['AN-2026-0001', 'RE-2026-0001', 'RE-2026-0002']) await row(thomasPage, number).waitFor();
    await expect.poll(() => row(thomasPage, 'RE-2026-0001').getAttribute('data-state')).toBe('canceled');
    expect(
      await documentsPanel(thomasPage)
        .getByRole('button', { name: /Weitere Aktionen/ })
        .count(),
    ).toBe(0);
    const { pdf } = await download(thomasPage, 'AN-2026-0001');
    expect(flat(pdf)).toContain('Anna Schmidt');
    await documentsPanel(thomasPage).getByRole('link', { name: 'Zum Deal' }).first().click();
    await heading(thomasPage, 'Fenster Schmidt');
    await thomasPage.goto(`/contacts/${contactId}`);
    await heading(thomasPage, 'Anna Schmidt');
    await row(thomasPage, 'AN-2026-0001').waitFor();
    await screenshot(thomasPage, SHOTS, '10-contact-documents');
  });

  it('fits a 390px phone and speaks English', async () => {
    await thomasPage.setViewportSize({ width: 390, height: 844 });
    await thomasPage.getByRole('banner').getByText('EN', { exact: true }).click();
    await thomasPage.goto(`/deals/${dealId}`);
    await heading(thomasPage, 'Fenster Schmidt');
    await row(thomasPage, 'RE-2026-0002').waitFor();
    expect(await text(row(thomasPage, 'RE-2026-0002'))).toContain('Cancellation invoice');
    expect(await text(row(thomasPage, 'RE-2026-0001').getByTestId('document-state'))).toBe('cancelled');
    expect(await text(row(thomasPage, 'AN-2026-0001'))).toContain('€2,055.13');
    await documentsPanel(thomasPage).scrollIntoViewIfNeeded();
    expect(await thomasPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(thomasPage, SHOTS, '11-phone-deal-english');
    await row(thomasPage, 'AN-2026-0001').getByRole('button', { name: 'More actions for AN-2026-0001' }).click();
    await thomasPage.getByRole('menuitem', { name: 'Send by e-mail' }).click();
    const dialog = thomasPage.getByRole('dialog', { name: 'Send AN-2026-0001 by e-mail' });
    // The message is in the document's language (German), whatever the screen speaks.
    await expect.poll(() => field(dialog, 'Message').inputValue()).toContain('Guten Tag Anna Schmidt');
    await screenshot(thomasPage, SHOTS, '12-phone-send-english');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await maxPage.setViewportSize({ width: 390, height: 844 });
    await maxPage.getByRole('banner').getByText('EN', { exact: true }).click();
    await maxPage.goto('/admin/document-templates');
    await heading(maxPage, 'Document templates');
    expect(await maxPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await maxPage.getByRole('list', { name: 'Offer' }).getByRole('link', { name: 'Offer', exact: true }).click();
    await heading(maxPage, 'Offer');
    await maxPage.getByRole('button', { name: 'Placeholders' }).click();
    await maxPage.getByText('{{customer.street}}').waitFor();
    await expect
      .poll(() => maxPage.getByTitle('PDF preview of the template').getAttribute('src'), { timeout: 10_000 })
      .toMatch(/^blob:/);
    expect(await maxPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(maxPage, SHOTS, '13-phone-editor-english');
  });

  it('raised no page errors, CSP violations or server errors', () => {
    expect([...maxProblems, ...thomasProblems]).toEqual([]);
  });
});

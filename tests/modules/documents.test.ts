import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createUser, type Session, setupAdmin } from '../support/factories.ts';
import { pdfPages } from '../support/pdf.ts';
import { expectProblem } from '../support/problem.ts';
import { startSmtpServer } from '../support/smtp.ts';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let admin: Session;
let manager: Session;
let dealId: string;

async function pdfOf(s: Session, id: string): Promise<Buffer> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/documents/${id}/pdf`,
    headers: { authorization: `Bearer ${s.token}` },
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  return res.rawPayload;
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await buildTestApp({ env: { KONTOR_SMTP_URL: smtp.url } });
  t.clock.set('2026-11-28T10:00:00.000Z');
  admin = await setupAdmin(t);
  await admin.api.patch('/api/v1/settings/company', {
    legalName: 'Fensterbau Müller GmbH',
    address: { street: 'Hauptstraße 12', zip: '80331', city: 'München', country: 'DE' },
    vatId: 'DE123456789',
    taxNumber: '143/123/45678',
    iban: 'DE02120300000000202051',
    bic: 'BYLADEM1001',
    bankName: 'Deutsche Kreditbank',
    paymentTerms: 'Zahlbar innerhalb von 14 Tagen ohne Abzug.',
  });
  await admin.api.post('/api/v1/custom-fields', { entity: 'deal', key: 'measurements', label: 'Aufmaß', type: 'text' });
  manager = await createUser(t, admin, { name: 'Thomas Becker' });
  const contact = (
    await manager.api.post('/api/v1/contacts', {
      firstName: 'Anna',
      lastName: 'Schmidt',
      email: 'anna@example.de',
      address: { street: 'Lindenallee 5', zip: '50667', city: 'Köln' },
    })
  ).body;
  const deal = (
    await manager.api.post('/api/v1/deals', {
      title: 'Fenster Schmidt',
      contactId: contact.id,
      customFields: { measurements: '3 Fenster 120×140 cm' },
    })
  ).body;
  dealId = deal.id;
  await manager.api.post(`/api/v1/deals/${dealId}/line-items`, {
    description: 'Kunststofffenster 120×140',
    quantity: 3,
    unitPriceCents: 33333,
    discountPercent: 10,
    taxRate: 19,
  });
  await manager.api.post(`/api/v1/deals/${dealId}/line-items`, {
    description: 'Fachbuch Fenster',
    quantity: 1,
    unitPriceCents: 1990,
    taxRate: 7,
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('documents', () => {
  it('an offer PDF holds the buyer, the measurements and the exact totals formatted de-DE', async () => {
    const templates = (await manager.api.get('/api/v1/document-templates?kind=offer')).body.data;
    const offer = templates.find((x: { locale: string }) => x.locale === 'de');
    const res = await manager.api.post(`/api/v1/deals/${dealId}/documents`, { templateId: offer.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'offer',
      number: 'AN-2026-0001',
      status: 'issued',
      netCents: 91989,
      grossCents: 109228,
    });
    const [page] = pdfPages(await pdfOf(manager, res.body.id));
    const text = (page as string).replace(/\s+/g, ' ');
    for (const expected of [
      'Fensterbau Müller GmbH',
      'Anna Schmidt',
      'Lindenallee 5',
      '50667 Köln',
      'Angebot AN-2026-0001',
      '28.11.2026',
      '3 Fenster 120×140 cm',
      'Kunststofffenster 120×140',
      '333,33 €',
      '899,99 €', // 3 × 333,33 × 0,9 = 899,991
      'Summe netto 919,89 €',
      'USt. 19 % auf 899,99 € 171,00 €',
      'USt. 7 % auf 19,90 € 1,39 €',
      'Gesamtbetrag 1.092,28 €',
      'DE123456789',
      'DE02120300000000202051',
      'Seite 1 von 1',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const list = await manager.api.get(`/api/v1/deals/${dealId}/documents`);
    expect(list.body.data.map((d: { number: string }) => d.number)).toEqual(['AN-2026-0001']);
    const timeline = (await manager.api.get(`/api/v1/deals/${dealId}/timeline`)).body.data;
    expect(timeline[0]).toMatchObject({
      action: 'document_created',
      changes: [{ field: 'document', to: 'Angebot AN-2026-0001' }],
    });
  });
});

describe('documents at size, numbering and safety', () => {
  it('60 line items break over pages with the table header repeated', async () => {
    const deal = (await manager.api.post('/api/v1/deals', { title: 'Großauftrag' })).body;
    for (let i = 1; i <= 60; i++) {
      await manager.api.post(`/api/v1/deals/${deal.id}/line-items`, {
        description: `Fensterelement Nr. ${i} mit einer etwas längeren Beschreibung`,
        quantity: 1,
        unitPriceCents: 10000 + i,
        taxRate: 19,
      });
    }
    const doc = (await manager.api.post(`/api/v1/deals/${deal.id}/documents`, { kind: 'invoice', deliveryDate: '2026-11-25' }))
      .body;
    expect(doc.number).toBe('RE-2026-0001');
    const pdf = await pdfOf(manager, doc.id);
    fs.mkdirSync('tests/.artifacts/documents', { recursive: true });
    fs.writeFileSync('tests/.artifacts/documents/invoice-60.pdf', pdf);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const [i, page] of pages.entries()) {
      expect(page, `page ${i + 1}`).toContain(`Seite ${i + 1} von ${pages.length}`);
      expect(page).toContain('DE02120300000000202051');
    }
    const withItems = pages.filter((p) => p.includes('Fensterelement'));
    expect(withItems.length).toBeGreaterThanOrEqual(2);
    for (const page of withItems) expect(page).toMatch(/Pos\.\s+Beschreibung\s+Menge/);
    const all = pages.join('\n');
    for (let i = 1; i <= 60; i++) expect(all).toContain(`Fensterelement Nr. ${i} `);
    expect(all).toContain('Leistungsdatum');
    expect(all).toContain('25.11.2026');
    // net 60 × 100,00 € + (1 + … + 60) ct = 6.018,30 €; 19 % = 1.143,48 € (1.143,477 rounded once)
    expect(all.replace(/\s+/g, ' ')).toContain('Gesamtbetrag 7.161,78 €');
  });
});

describe('invoice numbers, corrections, hostile templates, e-mail', () => {
  it('20 concurrent invoice requests get 20 distinct consecutive numbers', async () => {
    const before = (await t.database.db.selectFrom('documents').select('number').where('kind', '=', 'invoice').execute()).length;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => manager.api.post(`/api/v1/deals/${dealId}/documents`, { kind: 'invoice' })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = results.map((r) => r.body.number as string).sort();
    const expected = Array.from({ length: 20 }, (_, i) => `RE-2026-${String(before + i + 1).padStart(4, '0')}`);
    expect(numbers).toEqual(expected);
  });

  it('an issued invoice never changes; a cancellation invoice corrects it with negated amounts', async () => {
    const invoice = (await manager.api.post(`/api/v1/deals/${dealId}/documents`, { kind: 'invoice' })).body;
    await expect(
      t.database.db.updateTable('documents').set({ grossCents: 1 }).where('id', '=', invoice.id).execute(),
    ).rejects.toThrow(/immutable/);
    const cancel = await manager.api.post(`/api/v1/documents/${invoice.id}/cancel`);
    expect(cancel.status).toBe(201);
    expect(cancel.body).toMatchObject({
      kind: 'cancellation',
      correctsId: invoice.id,
      grossCents: -invoice.grossCents,
      netCents: -invoice.netCents,
    });
    expect(cancel.body.number).toMatch(/^RE-2026-\d{4}$/);
    expect((await manager.api.get(`/api/v1/documents/${invoice.id}`)).body.status).toBe('canceled');
    const text = pdfPages(await pdfOf(manager, cancel.body.id))
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(text).toContain(`Stornorechnung ${cancel.body.number}`);
    expect(text).toContain(`storniert die Rechnung ${invoice.number}`);
    expect(text).toContain('-1.092,28 €');
    expectProblem(await manager.api.post(`/api/v1/documents/${invoice.id}/cancel`), 409, 'conflict');
  });

  it('hostile templates are refused or render harmlessly, and the server stays up', async () => {
    const hostile = [
      '{{constructor.constructor "return process"}}',
      '{{#with "x"}}{{#with split as |a|}}{{pop (push "alert(1)")}}{{/with}}{{/with}}',
      '{{lookup (lookup this "constructor") "prototype"}}',
      '{{#each this}}{{@key}}{{/each}}{{__proto__.polluted}}',
      '{{> evil}}',
      '{{#each deal}}{{#each ../deal}}{{#each ../../deal}}{{/each}}{{/each}}{{/each}}',
      `${'{{#if deal}}'.repeat(2000)}x${'{{/if}}'.repeat(2000)}`,
    ];
    for (const source of hostile) {
      const res = await admin.api.post('/api/v1/document-templates', { name: 'Böse', kind: 'offer', source });
      if (res.status === 201) {
        const doc = await manager.api.post(`/api/v1/deals/${dealId}/documents`, { templateId: res.body.id });
        expect([201, 422]).toContain(doc.status);
      } else {
        expectProblem(res, res.status, res.body.code);
        expect([400, 422]).toContain(res.status);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const huge = await admin.api.post('/api/v1/document-templates', {
      name: 'Riesig',
      kind: 'offer',
      source: 'x'.repeat(100_001),
    });
    expectProblem(huge, 400, 'validation_failed');
    expectProblem(
      await manager.api.post('/api/v1/document-templates', { name: 'X', kind: 'offer', source: 'x' }),
      403,
      'forbidden',
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('sends the PDF to the contact by e-mail and logs it on the timeline', async () => {
    const offer = (await manager.api.post(`/api/v1/deals/${dealId}/documents`, { kind: 'offer' })).body;
    const res = await manager.api.post(`/api/v1/documents/${offer.id}/send`, {});
    expect(res.status).toBe(200);
    expect(res.body.sentAt).not.toBeNull();
    const mail = await smtp.waitFor((m) => m.subject.includes(offer.number));
    expect(mail.to).toEqual(['anna@example.de']);
    expect(mail.text).toContain('Guten Tag Anna Schmidt');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: `${offer.number}.pdf`, contentType: 'application/pdf' });
    expect(mail.attachments[0]?.content.subarray(0, 5).toString()).toBe('%PDF-');
    const activities = (await manager.api.get(`/api/v1/activities?dealId=${dealId}&type=email`)).body.data;
    expect(activities[0].body).toContain(offer.number);
  });

  it('documents follow the deal’s visibility', async () => {
    const doc = (await manager.api.get(`/api/v1/deals/${dealId}/documents`)).body.data[0];
    const other = await createUser(t, admin);
    expectProblem(await other.api.get(`/api/v1/documents/${doc.id}`), 404, 'not_found');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/documents/${doc.id}/pdf`,
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(res.statusCode).toBe(404);
  });
});

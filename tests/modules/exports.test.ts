import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMultipart, waitForImport } from '../fixtures/multipart.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createTeam, createUser, type Session, setupAdmin } from '../support/factories.ts';
import { expectProblem } from '../support/problem.ts';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await setupAdmin(t);
  for (const def of [
    { key: 'kundeSeit', label: 'Kunde seit', type: 'date' },
    { key: 'umsatz', label: 'Umsatz', type: 'money' },
    { key: 'besuche', label: 'Besuche', type: 'number' },
    { key: 'notiz', label: 'Notiz', type: 'text' },
  ]) {
    expect((await admin.api.post('/api/v1/custom-fields', { entity: 'contact', ...def })).status).toBe(201);
  }
  const company = await admin.api.post('/api/v1/companies', { name: 'Bäckerei Schulze GmbH', tags: ['export'] });
  await admin.api.post('/api/v1/contacts', {
    firstName: 'Jürgen',
    lastName: 'Müller',
    email: 'juergen@example.de',
    phone: '0171 2345678',
    companyId: company.body.id,
    source: 'Messe',
    address: { street: 'Hauptstraße 5', zip: '80331', city: 'München', country: 'DE' },
    tags: ['export', 'VIP'],
    customFields: { kundeSeit: '2025-12-31', umsatz: 123450, besuche: 12.5, notiz: 'Zeile 1\nZeile 2; mit Semikolon' },
  });
  await admin.api.post('/api/v1/contacts', { firstName: 'Anna', lastName: 'Anders', tags: ['export'] });
  await admin.api.post('/api/v1/contacts', { firstName: 'Nicht', lastName: 'Dabei', tags: ['andere'] });
});
afterAll(() => t.close());

const rowsOf = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

async function xlsxRows(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { sheet, rows };
}

async function download(session: Session, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${session.token}` } });
  return res;
}

describe('contact export', () => {
  it('CSV: German Excel format, the filtered rows only, custom fields and address as columns', async () => {
    const res = await download(admin, '/api/v1/contacts/export?tag=export&sort=lastName');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="kontakte-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    const header = (lines[0] as string).split(';');
    expect(header.slice(0, 17).join(';')).toBe(
      'ID;Vorname;Nachname;E-Mail;Telefon;Firma;Quelle;Straße;PLZ;Ort;Land;Tags;Inhaber;Externe ID;Letzte Aktivität;Erstellt am;Geändert am',
    );
    expect(header.slice(17).sort()).toEqual(['Besuche', 'Kunde seit', 'Notiz', 'Umsatz']);
    expect(lines.at(-1)).toBe('');
    const body = lines.slice(1).join('\r\n');
    expect(body).toContain(';Anna;Anders;;;;;;;;;export;Max Müller;;;');
    expect(body).toContain(
      ';Jürgen;Müller;juergen@example.de;0171 2345678;Bäckerei Schulze GmbH;Messe;Hauptstraße 5;80331;München;DE;export, VIP;Max Müller;;;',
    );
    expect(body).not.toContain('Dabei');
    const records = lines
      .slice(1, -1)
      .join('\r\n')
      .split(/\r\n(?=[0-9a-z]{26};)/);
    expect(records).toHaveLength(2);
    const juergen = (records.find((r) => r.includes('Jürgen')) as string).split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const cell = (label: string) => juergen[header.indexOf(label)];
    expect([cell('Kunde seit'), cell('Umsatz'), cell('Besuche'), cell('Notiz')]).toEqual([
      '31.12.2025',
      '1234,50',
      '12,5',
      '"Zeile 1\nZeile 2; mit Semikolon"',
    ]);
    expect(cell('Erstellt am')).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);

    const en = await download(admin, '/api/v1/contacts/export?tag=export&lang=en');
    expect(rowsOf(en.body)[0]).toMatch(/^ID;First name;Last name;Email;Phone;Company;Source;Street;Zip;City;Country;Tags;Owner;/);
    expect(en.body).toContain(';2025-12-31');
    expect(en.body).toContain(';1234.50');
    expect(en.body).toContain(';12.5');
    expect(en.headers['content-disposition']).toMatch(/filename="contacts-/);
    const accept = await t.app.inject({
      method: 'GET',
      url: '/api/v1/contacts/export?tag=export',
      headers: { authorization: `Bearer ${admin.token}`, 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(rowsOf(accept.body)[0]).toContain('First name');
  });

  it('XLSX: bold frozen header, typed cells, the filtered rows only', async () => {
    const res = await download(admin, '/api/v1/contacts/export?format=xlsx&tag=export&sort=-lastName');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="kontakte-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const { sheet, rows } = await xlsxRows(res.rawPayload);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(rows[0]?.slice(0, 3)).toEqual(['ID', 'Vorname', 'Nachname']);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['Müller', 'Anders']);
    const header = rows[0] as string[];
    const juergen = rows[1] as unknown[];
    expect(juergen[header.indexOf('Kunde seit')]).toEqual(new Date('2025-12-31T00:00:00.000Z'));
    expect(juergen[header.indexOf('Umsatz')]).toBe(1234.5);
    expect(juergen[header.indexOf('Besuche')]).toBe(12.5);
    expect(juergen[header.indexOf('Erstellt am')]).toBeInstanceOf(Date);
    expect(sheet.getRow(2).getCell(header.indexOf('Umsatz') + 1).numFmt).toBe('#,##0.00');
  });

  it('a manager’s export holds only their records; companies export too', async () => {
    const manager = await createUser(t, admin, { role: 'manager' });
    await manager.api.post('/api/v1/contacts', { firstName: 'Meine', lastName: 'Kundin' });
    const csv = await download(manager, '/api/v1/contacts/export');
    expect(csv.statusCode).toBe(200);
    const lines = rowsOf(csv.body);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(';Meine;Kundin;');
    const xlsx = await xlsxRows((await download(manager, '/api/v1/contacts/export?format=xlsx')).rawPayload);
    expect(xlsx.rows.map((r) => r[2])).toEqual(['Nachname', 'Kundin']);

    const companies = await download(admin, '/api/v1/companies/export?tag=export');
    expect(companies.headers['content-disposition']).toMatch(/filename="firmen-/);
    expect(rowsOf(companies.body)).toHaveLength(2);
    expect(rowsOf(companies.body)[1]).toContain(';Bäckerei Schulze GmbH;');
    expect(rowsOf((await download(manager, '/api/v1/companies/export')).body)).toHaveLength(1);
  });

  it('neutralises formula injection in CSV and XLSX', async () => {
    await admin.api.post('/api/v1/contacts', {
      firstName: '=HYPERLINK("http://evil.example","klick")',
      lastName: '+1',
      source: '-2',
      tags: ['formel'],
      customFields: { notiz: '@SUM(A1:A9)', besuche: -3 },
    });
    const csv = await download(admin, '/api/v1/contacts/export?tag=formel');
    const line = rowsOf(csv.body)[1] as string;
    expect(line).toContain(`;"'=HYPERLINK(""http://evil.example"",""klick"")";'+1;`);
    expect(line).toContain(";'-2;");
    expect(line).toContain(';-3;');
    expect(line).toContain(";'@SUM(A1:A9)");
    const { rows } = await xlsxRows((await download(admin, '/api/v1/contacts/export?format=xlsx&tag=formel')).rawPayload);
    const header = rows[0] as string[];
    const row = rows[1] as unknown[];
    expect(row[header.indexOf('Vorname')]).toBe(`'=HYPERLINK("http://evil.example","klick")`);
    expect(row[header.indexOf('Nachname')]).toBe(`'+1`);
    expect(row[header.indexOf('Quelle')]).toBe(`'-2`);
    expect(row[header.indexOf('Notiz')]).toBe(`'@SUM(A1:A9)`);
    expect(row[header.indexOf('Besuche')]).toBe(-3);
  });

  it('unknown filters and sort fields are a 400 like the list', async () => {
    expectProblem(await admin.api.get('/api/v1/contacts/export?hack=1'), 400, 'validation_failed');
    const custom = await admin.api.get('/api/v1/contacts/export?customFields.nope=1');
    expectProblem(custom, 400, 'validation_failed');
    expect(custom.body.errors[0].path).toBe('customFields.nope');
    expectProblem(await admin.api.get('/api/v1/contacts/export?sort=password'), 400, 'validation_failed');
    expectProblem(await admin.api.get('/api/v1/contacts/export?format=pdf'), 400, 'validation_failed');
    expectProblem(await admin.api.get('/api/v1/companies/export?limit=5'), 400, 'validation_failed');
  });

  it('pages through every matching row (no 200 limit) and re-imports cleanly', async () => {
    const lines = ['Vorname;Nachname;Schlagworte;Besuche'];
    for (let i = 0; i < 2345; i++) lines.push(`Viel${i};Menge;massen;${i}`);
    const upload = await postMultipart(
      t.app,
      admin.token,
      '/api/v1/imports',
      {
        entity: 'contact',
        mapping: JSON.stringify({
          Vorname: 'firstName',
          Nachname: 'lastName',
          Schlagworte: 'tags',
          Besuche: 'customFields.besuche',
        }),
      },
      { name: 'viele.csv', content: lines.join('\r\n') },
    );
    expect((await waitForImport(t.app, admin.token, upload.body.id)).created).toBe(2345);
    const csv = await download(admin, '/api/v1/contacts/export?tag=massen&sort=customFields.besuche');
    const out = rowsOf(csv.body);
    expect(out).toHaveLength(2346);
    expect(out[1]).toContain(';Viel0;Menge;');
    expect(out[2345]).toContain(';Viel2344;Menge;');
    expect(new Set(out.map((l) => l.split(';')[0])).size).toBe(2346);
  });
});

describe('deal export', () => {
  type Stage = { id: string; key: string; name: string };
  let pipeline: { id: string; name: string; stages: Stage[] };
  const stage = (key: string) => (pipeline.stages.find((s) => s.key === key) as Stage).id;
  const ids: Record<string, string> = {};

  async function createDeal(session: Session, title: string, body: Record<string, unknown> = {}) {
    const res = await session.api.post('/api/v1/deals', { title, ...body });
    expect(res.status, res.text).toBe(201);
    ids[title] = res.body.id;
    return res.body as { id: string; version: number };
  }

  /** The CSV's records as arrays of cells, keyed by the header (cells here hold no quotes or line breaks). */
  const csvRecords = (csv: string) => {
    const [head, ...lines] = rowsOf(csv).map((l) => l.split(';'));
    return { header: head as string[], records: lines };
  };

  beforeAll(async () => {
    pipeline = (await admin.api.get('/api/v1/pipelines')).body.data.find((p: { isDefault: boolean }) => p.isDefault);
    for (const def of [
      { key: 'aufmass', label: 'Aufmaß', type: 'text' },
      { key: 'stufe', label: 'Stufe', type: 'number' },
      { key: 'montage', label: 'Montagetermin', type: 'date' },
    ]) {
      expect((await admin.api.post('/api/v1/custom-fields', { entity: 'deal', ...def })).status).toBe(201);
    }
    const company = (await admin.api.post('/api/v1/companies', { name: 'Holzbau Kern KG' })).body;
    const contact = (await admin.api.post('/api/v1/contacts', { firstName: 'Petra', lastName: 'Kern', companyId: company.id }))
      .body;
    const schmidt = await createDeal(admin, 'Fenster Kern', {
      contactId: contact.id,
      companyId: company.id,
      amountCents: 845_000,
      taxRate: 19,
      stageId: stage('offer'),
      expectedCloseDate: '2026-12-15',
      source: 'Messe',
      tags: ['dealexport', 'VIP'],
      customFields: { aufmass: '3 Fenster 120x140', stufe: 2, montage: '2027-01-20' },
    });
    expect((await admin.api.post(`/api/v1/deals/${schmidt.id}/payments`, { amountCents: 100_000 })).status).toBe(201);
    await createDeal(admin, 'Haustür Kern', { amountCents: 189_000, stageId: stage('new'), tags: ['dealexport'] });
    const lost = await createDeal(admin, 'Wintergarten Kern', { amountCents: 1_250_000, tags: ['dealexport'] });
    const lostRes = await admin.api.patch(`/api/v1/deals/${lost.id}`, { status: 'lost', lostReason: 'Zu teuer' });
    expect(lostRes.status, lostRes.text).toBe(200);
    await createDeal(admin, 'Nicht exportiert', { amountCents: 5_000, tags: ['andere'] });
  });

  it('is a route of its own, not a deal id', async () => {
    const res = await download(admin, '/api/v1/deals/export?tag=dealexport');
    expect(res.statusCode, res.body).toBe(200);
    expect((await admin.api.get(`/api/v1/deals/${ids['Haustür Kern']}`)).body.title).toBe('Haustür Kern');
  });

  it('CSV: German Excel format, money as the other exports write numbers, stage and status in words', async () => {
    const res = await download(admin, '/api/v1/deals/export?tag=dealexport&sort=amountCents');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="deals-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    const { header, records } = csvRecords(res.body);
    expect(header.slice(0, 20).join(';')).toBe(
      'ID;Titel;Pipeline;Phase;Status;Betrag netto;Steuer;Betrag brutto;Währung;Bezahlt;Erwarteter Abschluss;Kontakt;Firma;Inhaber;Quelle;Tags;Verlustgrund;Externe ID;Erstellt am;Geändert am',
    );
    expect(header.slice(20).sort()).toEqual(['Aufmaß', 'Montagetermin', 'Stufe']);
    // the filter and the sort of the list: net amount ascending
    expect(records.map((r) => r[1])).toEqual(['Haustür Kern', 'Fenster Kern', 'Wintergarten Kern']);
    const fenster = records[1] as string[];
    expect(fenster[0]).toBe(ids['Fenster Kern']);
    expect(fenster.slice(1, 18)).toEqual([
      'Fenster Kern',
      pipeline.name,
      'Angebot',
      'Offen',
      '8450,00',
      '1605,50',
      '10055,50',
      'EUR',
      '1000,00',
      '15.12.2026',
      'Petra Kern',
      'Holzbau Kern KG',
      'Max Müller',
      'Messe',
      'dealexport, VIP',
      '',
      '',
    ]);
    expect(fenster[18]).toMatch(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    const cell = (label: string) => fenster[header.indexOf(label)];
    expect([cell('Aufmaß'), cell('Stufe'), cell('Montagetermin')]).toEqual(['3 Fenster 120x140', '2', '20.01.2027']);
    const lost = records[2] as string[];
    expect([lost[3], lost[4], lost[16]]).toEqual(['Verloren', 'Verloren', 'Zu teuer']);
    expect(records[0]?.[3]).toBe('Neu');

    const en = await download(admin, '/api/v1/deals/export?tag=dealexport&sort=amountCents&lang=en');
    expect(en.headers['content-disposition']).toMatch(/filename="deals-\d{4}-\d{2}-\d{2}\.csv"/);
    const english = csvRecords(en.body);
    expect(english.header.slice(0, 11).join(';')).toBe(
      'ID;Title;Pipeline;Stage;Status;Amount (net);Tax;Gross;Currency;Paid;Expected close',
    );
    expect(english.records.map((r) => [r[3], r[4]])).toEqual([
      ['New', 'Open'],
      ['Offer', 'Open'],
      ['Lost', 'Lost'],
    ]);
    expect(english.records[1]?.slice(5, 11)).toEqual(['8450.00', '1605.50', '10055.50', 'EUR', '1000.00', '2026-12-15']);
  });

  it('XLSX: typed amounts and dates, the list’s sort', async () => {
    const res = await download(admin, '/api/v1/deals/export?format=xlsx&tag=dealexport&sort=-amountCents');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="deals-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const { sheet, rows } = await xlsxRows(res.rawPayload);
    expect(sheet.name).toBe('Deals');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = rows[0] as string[];
    expect(header.slice(0, 4)).toEqual(['ID', 'Titel', 'Pipeline', 'Phase']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Wintergarten Kern', 'Fenster Kern', 'Haustür Kern']);
    const fenster = rows[2] as unknown[];
    const cell = (label: string) => fenster[header.indexOf(label)];
    expect([cell('Betrag netto'), cell('Steuer'), cell('Betrag brutto'), cell('Bezahlt')]).toEqual([8450, 1605.5, 10055.5, 1000]);
    expect(cell('Erwarteter Abschluss')).toEqual(new Date('2026-12-15T00:00:00.000Z'));
    expect(cell('Montagetermin')).toEqual(new Date('2027-01-20T00:00:00.000Z'));
    expect([cell('Phase'), cell('Status'), cell('Stufe')]).toEqual(['Angebot', 'Offen', 2]);
    expect(sheet.getRow(3).getCell(header.indexOf('Betrag brutto') + 1).numFmt).toBe('#,##0.00');
  });

  it('honours the list’s filters: pipeline, stage, status, owner, contact, company, q and custom fields', async () => {
    const titles = async (query: string) => {
      const res = await download(admin, `/api/v1/deals/export?${query}&sort=title`);
      expect(res.statusCode, res.body).toBe(200);
      return csvRecords(res.body).records.map((r) => r[1]);
    };
    const fenster = (await admin.api.get(`/api/v1/deals/${ids['Fenster Kern']}`)).body;
    expect(await titles(`tag=dealexport&pipelineId=${pipeline.id}`)).toEqual([
      'Fenster Kern',
      'Haustür Kern',
      'Wintergarten Kern',
    ]);
    expect(await titles(`tag=dealexport&stageId=${stage('new')}`)).toEqual(['Haustür Kern']);
    expect(await titles('tag=dealexport&status=lost')).toEqual(['Wintergarten Kern']);
    expect(await titles(`contactId=${fenster.contactId}`)).toEqual(['Fenster Kern']);
    expect(await titles(`companyId=${fenster.companyId}`)).toEqual(['Fenster Kern']);
    expect(await titles('customFields.stufe=2')).toEqual(['Fenster Kern']);
    expect(await titles('source=Messe')).toEqual(['Fenster Kern']);
    expect(await titles('q=Wintergarten')).toEqual(['Wintergarten Kern']);
    expect(await titles(`tag=dealexport&ownerId=${admin.user.id}`)).toHaveLength(3);
    // the same rows as the list for the same query
    const list = await admin.api.get('/api/v1/deals?tag=dealexport&status=open&sort=-updatedAt');
    const exported = csvRecords((await download(admin, '/api/v1/deals/export?tag=dealexport&status=open')).body).records;
    expect(exported.map((r) => r[0])).toEqual(list.body.data.map((d: { id: string }) => d.id));
  });

  it('shows each person only what the list shows them: own deals, a head’s team, hand-offs by open task', async () => {
    const teamA = await createTeam(admin);
    const teamB = await createTeam(admin);
    const head = await createUser(t, admin, { role: 'head', teamId: teamA.id });
    const mia = await createUser(t, admin, { role: 'manager', teamId: teamA.id });
    const tom = await createUser(t, admin, { role: 'manager', teamId: teamB.id });
    await createDeal(mia, 'Mias Deal', { tags: ['sichtbar'] });
    await createDeal(tom, 'Toms Deal', { tags: ['sichtbar'] });
    const handedOff = await createDeal(tom, 'Toms Übergabe', { tags: ['sichtbar'] });
    const task = await tom.api.post('/api/v1/tasks', { title: 'Aufmaß machen', dealId: handedOff.id, assigneeId: mia.user.id });
    expect(task.status, task.text).toBe(201);

    const exportedTitles = async (session: Session, format: 'csv' | 'xlsx' = 'csv') => {
      const res = await download(session, `/api/v1/deals/export?tag=sichtbar&sort=title&format=${format}`);
      expect(res.statusCode, res.body).toBe(200);
      if (format === 'xlsx') return (await xlsxRows(res.rawPayload)).rows.slice(1).map((r) => r[1]);
      return csvRecords(res.body).records.map((r) => r[1]);
    };
    const listed = async (session: Session) =>
      (await session.api.get('/api/v1/deals?tag=sichtbar&sort=title')).body.data.map((d: { title: string }) => d.title);

    expect(await exportedTitles(mia)).toEqual(['Mias Deal', 'Toms Übergabe']);
    expect(await exportedTitles(mia, 'xlsx')).toEqual(['Mias Deal', 'Toms Übergabe']);
    expect(await exportedTitles(tom)).toEqual(['Toms Deal', 'Toms Übergabe']);
    expect(await exportedTitles(head)).toEqual(['Mias Deal']);
    expect(await exportedTitles(admin)).toEqual(['Mias Deal', 'Toms Deal', 'Toms Übergabe']);
    for (const session of [mia, tom, head, admin]) expect(await exportedTitles(session)).toEqual(await listed(session));
    // asking for someone else's deals by filter gives nothing more
    const byOwner = await download(mia, `/api/v1/deals/export?ownerId=${tom.user.id}&sort=title`);
    expect(csvRecords(byOwner.body).records.map((r) => r[1])).toEqual(['Toms Übergabe']);
    // once the task is done, the hand-off ends
    expect((await mia.api.post(`/api/v1/tasks/${task.body.id}/complete`, {})).status).toBe(200);
    expect(await exportedTitles(mia)).toEqual(['Mias Deal']);
  });

  it('translates only the shipped stage names for English readers, not those a person named', async () => {
    const other = await admin.api.post('/api/v1/pipelines', {
      name: 'Service',
      stages: [
        { name: 'Eingang', kind: 'open' },
        { name: 'Gewonnen', kind: 'won' },
        { name: 'Abgesagt', kind: 'lost' },
      ],
    });
    expect(other.status, other.text).toBe(201);
    const [open, won] = other.body.stages as Stage[];
    await createDeal(admin, 'Wartung Kern', { pipelineId: other.body.id, stageId: open?.id, tags: ['service'] });
    await createDeal(admin, 'Reparatur Kern', { pipelineId: other.body.id, stageId: won?.id, tags: ['service'] });
    const en = csvRecords((await download(admin, '/api/v1/deals/export?tag=service&sort=title&lang=en')).body);
    expect(en.records.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['Reparatur Kern', 'Service', 'Gewonnen', 'Won'],
      ['Wartung Kern', 'Service', 'Eingang', 'Open'],
    ]);
  });

  it('neutralises formula injection in CSV and XLSX', async () => {
    const contact = (await admin.api.post('/api/v1/contacts', { firstName: '=cmd|', lastName: 'x' })).body;
    const company = (await admin.api.post('/api/v1/companies', { name: '@Firma' })).body;
    await createDeal(admin, '=HYPERLINK("http://evil.example","klick")', {
      contactId: contact.id,
      companyId: company.id,
      source: '+1',
      tags: ['-formel'],
      customFields: { aufmass: '@SUM(A1:A9)', stufe: -3 },
    });
    const csv = await download(admin, '/api/v1/deals/export?tag=-formel');
    const [head, line] = rowsOf(csv.body) as [string, string];
    expect(line).toContain(`;"'=HYPERLINK(""http://evil.example"",""klick"")";`);
    expect(line).toContain(";'=cmd| x;'@Firma;Max Müller;'+1;'-formel;");
    const cells = line.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const header = head.split(';');
    expect(cells[header.indexOf('Aufmaß')]).toBe("'@SUM(A1:A9)");
    expect(cells[header.indexOf('Stufe')]).toBe('-3');
    const { rows } = await xlsxRows((await download(admin, '/api/v1/deals/export?format=xlsx&tag=-formel')).rawPayload);
    const row = rows[1] as unknown[];
    const cell = (label: string) => row[(rows[0] as string[]).indexOf(label)];
    expect(cell('Titel')).toBe(`'=HYPERLINK("http://evil.example","klick")`);
    expect([cell('Kontakt'), cell('Firma'), cell('Quelle'), cell('Tags'), cell('Aufmaß')]).toEqual([
      `'=cmd| x`,
      `'@Firma`,
      `'+1`,
      `'-formel`,
      `'@SUM(A1:A9)`,
    ]);
    expect(cell('Stufe')).toBe(-3);
  });

  it('unknown filters and sort fields are a 400 like the list', async () => {
    expectProblem(await admin.api.get('/api/v1/deals/export?hack=1'), 400, 'validation_failed');
    expectProblem(await admin.api.get('/api/v1/deals?hack=1'), 400, 'validation_failed');
    // a contact field is not a deal field
    const custom = await admin.api.get('/api/v1/deals/export?customFields.notiz=1');
    expectProblem(custom, 400, 'validation_failed');
    expect(custom.body.errors[0].path).toBe('customFields.notiz');
    expectProblem(await admin.api.get('/api/v1/deals/export?sort=password'), 400, 'validation_failed');
    expectProblem(await admin.api.get('/api/v1/deals/export?status=maybe'), 400, 'validation_failed');
    expectProblem(await admin.api.get('/api/v1/deals/export?format=pdf'), 400, 'validation_failed');
    expectProblem(await admin.api.get('/api/v1/deals/export?limit=5'), 400, 'validation_failed');
  });
});

describe('OpenAPI', () => {
  it('documents exports and imports with their query and body schemas', async () => {
    const doc = (await admin.api.get('/api/openapi.json')).body;
    const exp = doc.paths['/api/v1/contacts/export'].get;
    const names = exp.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['format', 'lang', 'tag', 'ownerId', 'q', 'sort']));
    expect(names).not.toContain('limit');
    expect(Object.keys(exp.responses['200'].content)).toEqual(
      expect.arrayContaining(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']),
    );
    expect(doc.paths['/api/v1/companies/export'].get).toBeDefined();
    const deals = doc.paths['/api/v1/deals/export'].get;
    expect(deals.tags).toEqual(['Deals']);
    expect(deals.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        'format',
        'lang',
        'pipelineId',
        'stageId',
        'ownerId',
        'status',
        'contactId',
        'companyId',
        'q',
        'sort',
      ]),
    );
    expect(Object.keys(deals.responses['200'].content)).toEqual(Object.keys(exp.responses['200'].content));
    const example = deals.responses['200'].content['text/csv'].examples.deals.value;
    expect(example).toMatch(/^ID;Titel;Pipeline;Phase;Status;Betrag netto;Steuer;Betrag brutto;Währung;Bezahlt;/);
    expect(example).toContain(';Vertrieb;Angebot;Offen;8450,00;1605,50;10055,50;EUR;');
    const imp = doc.paths['/api/v1/imports'].post;
    expect(imp.requestBody.content['multipart/form-data'].schema.properties.file.format).toBe('binary');
    expect(imp.responses['202']).toBeDefined();
    expect(doc.paths['/api/v1/imports/preview'].post.requestBody.content['multipart/form-data']).toBeDefined();
    expect(doc.paths['/api/v1/imports/{id}'].get.responses['200']).toBeDefined();
    expect(doc.paths['/api/v1/imports/{id}/errors.csv'].get).toBeDefined();
  });
});

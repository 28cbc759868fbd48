import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMultipart, waitForImport } from '../fixtures/multipart.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createUser, type Session, setupAdmin } from '../support/factories.ts';
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
    const imp = doc.paths['/api/v1/imports'].post;
    expect(imp.requestBody.content['multipart/form-data'].schema.properties.file.format).toBe('binary');
    expect(imp.responses['202']).toBeDefined();
    expect(doc.paths['/api/v1/imports/preview'].post.requestBody.content['multipart/form-data']).toBeDefined();
    expect(doc.paths['/api/v1/imports/{id}'].get.responses['200']).toBeDefined();
    expect(doc.paths['/api/v1/imports/{id}/errors.csv'].get).toBeDefined();
  });
});

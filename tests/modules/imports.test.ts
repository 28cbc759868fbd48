import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMultipart, waitForImport } from '../fixtures/multipart.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createUser, type Session, setupAdmin } from '../support/factories.ts';
import { expectProblem } from '../support/problem.ts';

const FIXTURES = path.resolve('tests/fixtures/imports');
const fixture = (name: string) => ({ name, content: fs.readFileSync(path.join(FIXTURES, name)), type: 'text/csv' });

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await setupAdmin(t);
  for (const def of [
    { key: 'kundeSeit', label: 'Kunde seit', type: 'date' },
    { key: 'umsatz', label: 'Umsatz', type: 'money' },
    { key: 'rabatt', label: 'Rabatt', type: 'number' },
    { key: 'newsletter', label: 'Newsletter', type: 'boolean' },
    { key: 'notiz', label: 'Notiz', type: 'text' },
    { key: 'branche', label: 'Branche', type: 'select', options: ['Handel', 'Handwerk'] },
  ]) {
    expect((await admin.api.post('/api/v1/custom-fields', { entity: 'contact', ...def })).status).toBe(201);
  }
});
afterAll(() => t.close());

async function runImport(session: Session, fields: Record<string, string>, file: Parameters<typeof postMultipart>[4]) {
  const res = await postMultipart(t.app, session.token, '/api/v1/imports', fields, file);
  expect(res.status, res.text).toBe(202);
  expect(res.body).toMatchObject({ id: expect.any(String), status: 'queued' });
  return waitForImport(t.app, session.token, res.body.id);
}

const contactsByEmail = async (session: Session, email: string) =>
  (await session.api.get(`/api/v1/contacts?email=${encodeURIComponent(email)}`)).body.data;
const contactCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('contacts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('import files', () => {
  it('takes a German Excel CSV (BOM, semicolons, umlauts) with the suggested mapping', async () => {
    const file = fixture('kontakte-excel-de.csv');
    const preview = await postMultipart(t.app, admin.token, '/api/v1/imports/preview', { entity: 'contact' }, file);
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
    expect(preview.body.headers[0]).toBe('Vorname');
    expect(preview.body.rows[0].slice(0, 3)).toEqual(['Jürgen', 'Müller', 'Juergen.Mueller@Example.de']);
    expect(preview.body.suggestedMapping).toEqual({
      Vorname: 'firstName',
      Nachname: 'lastName',
      'E-Mail': 'email',
      Telefon: 'phone',
      Firma: 'company',
      Straße: 'street',
      PLZ: 'zip',
      Ort: 'city',
      Land: 'country',
      Quelle: 'source',
      Schlagworte: 'tags',
      'Kunde seit': 'customFields.kundeSeit',
      Umsatz: 'customFields.umsatz',
      Rabatt: 'customFields.rabatt',
      Newsletter: 'customFields.newsletter',
    });

    const result = await runImport(
      admin,
      { entity: 'contact', mapping: JSON.stringify(preview.body.suggestedMapping), mode: 'create', dryRun: 'false' },
      file,
    );
    expect(result).toMatchObject({
      status: 'done',
      total: 3,
      processed: 3,
      created: 3,
      failed: 0,
      companiesCreated: 2,
      errors: [],
    });

    const [juergen] = await contactsByEmail(admin, 'juergen.mueller@example.de');
    expect(juergen).toMatchObject({
      firstName: 'Jürgen',
      lastName: 'Müller',
      phone: '0171 2345678',
      companyName: 'Bäckerei Schulze GmbH',
      source: 'Messe',
      address: { street: 'Hauptstraße 5', zip: '80331', city: 'München', country: 'DE' },
      tags: ['VIP', 'Stammkunde'],
      customFields: { kundeSeit: '2025-12-31', umsatz: 123450, rabatt: 12.5, newsletter: true },
      ownerId: admin.user.id,
    });
    const [anna] = await contactsByEmail(admin, 'anna.weiss@example.de');
    expect(anna.companyId).toBe(juergen.companyId);
    expect(anna.customFields).toEqual({ kundeSeit: '2024-05-01', umsatz: 9900, rabatt: 0, newsletter: false });
    const [oemer] = await contactsByEmail(admin, 'oemer@example.de');
    expect(oemer).toMatchObject({
      firstName: 'Ömer',
      lastName: 'Öztürk',
      companyName: 'Öko Bau AG',
      customFields: { newsletter: true },
    });
    const search = await admin.api.get('/api/v1/contacts?q=M%C3%BCller');
    expect(search.body.data.map((c: { email: string }) => c.email)).toContain('juergen.mueller@example.de');
  });
});

describe('encodings, quoting and XLSX', () => {
  it('decodes a Windows-1252 file (umlauts, €, typographic quotes)', async () => {
    const mapping = { Vorname: 'firstName', Nachname: 'lastName', Ort: 'city', Notiz: 'customFields.notiz' };
    const result = await runImport(admin, { entity: 'contact', mapping: JSON.stringify(mapping) }, fixture('windows-1252.csv'));
    expect(result).toMatchObject({ status: 'done', created: 2, failed: 0 });
    const list = (await admin.api.get('/api/v1/contacts?city=K%C3%B6ln')).body.data;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ firstName: 'Jörg', lastName: 'Größer', customFields: { notiz: '„Grüße“ – 5 €' } });
    expect((await admin.api.get('/api/v1/contacts?city=D%C3%BCsseldorf')).body.data[0].firstName).toBe('Änne');
  });

  it('keeps newlines and quotes inside quoted fields of a comma CSV; rows are numbered as a spreadsheet shows them', async () => {
    const mapping = { 'First name': 'firstName', 'Last name': 'lastName', Email: 'email', Notes: 'customFields.notiz' };
    const result = await runImport(
      admin,
      { entity: 'contact', mapping: JSON.stringify(mapping) },
      fixture('quoted-newlines.csv'),
    );
    expect(result).toMatchObject({ status: 'done', total: 2, created: 2, failed: 0 });
    expect((await contactsByEmail(admin, 'clara@example.com'))[0].customFields.notiz).toBe('Line one\r\nLine two, with comma');
    expect((await contactsByEmail(admin, 'dieter@example.com'))[0].lastName).toBe('Quote "The Boss"');

    const again = await runImport(admin, { entity: 'contact', mapping: JSON.stringify(mapping) }, fixture('quoted-newlines.csv'));
    expect(again.errors.map((e: { row: number }) => e.row)).toEqual([2, 3]);
  });

  it('reads the first worksheet of an XLSX: dates, numbers and rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Kunden');
    sheet.addRow(['Vorname', 'Nachname', 'Mail', 'Kunde seit', 'Umsatz', 'PLZ', 'Branche']);
    sheet.addRow([
      'Xaver',
      { richText: [{ text: 'Hu' }, { text: 'ber', font: { bold: true } }] },
      'xaver@example.de',
      new Date(Date.UTC(2025, 11, 31)),
      1234.5,
      80331,
      'handwerk',
    ]);
    sheet.getCell('D2').numFmt = 'dd.mm.yyyy';
    sheet.addRow(['Yvonne', 'Zett', 'yvonne@example.de', '01.02.2024', '2.000', '01067', 'Handel']);
    workbook.addWorksheet('Ignoriert').addRow(['nicht', 'importieren']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const file = { name: 'kunden.xlsx', content, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

    const preview = await postMultipart(t.app, admin.token, '/api/v1/imports/preview', {}, file);
    expect(preview.body).toMatchObject({
      format: 'xlsx',
      headers: ['Vorname', 'Nachname', 'Mail', 'Kunde seit', 'Umsatz', 'PLZ', 'Branche'],
    });
    expect(preview.body.rows[0]).toEqual(['Xaver', 'Huber', 'xaver@example.de', '2025-12-31', '1234.5', '80331', 'handwerk']);

    const result = await runImport(admin, { entity: 'contact', mapping: JSON.stringify(preview.body.suggestedMapping) }, file);
    expect(result).toMatchObject({ status: 'done', created: 2, failed: 0 });
    expect((await contactsByEmail(admin, 'xaver@example.de'))[0]).toMatchObject({
      lastName: 'Huber',
      address: { zip: '80331' },
      customFields: { kundeSeit: '2025-12-31', umsatz: 123450, branche: 'Handwerk' },
    });
    expect((await contactsByEmail(admin, 'yvonne@example.de'))[0].customFields).toEqual({
      kundeSeit: '2024-02-01',
      umsatz: 200000,
      branche: 'Handel',
    });
  });
});

describe('validation, dry run and duplicates', () => {
  const csv = (lines: string[]) => ({ name: 'test.csv', content: `\uFEFF${lines.join('\r\n')}\r\n`, type: 'text/csv' });

  it('a dry run reports every row’s problems and writes nothing', async () => {
    const before = await contactCount();
    const result = await runImport(
      admin,
      {
        entity: 'contact',
        dryRun: 'true',
        mapping: JSON.stringify({
          Vorname: 'firstName',
          Nachname: 'lastName',
          'E-Mail': 'email',
          'Kunde seit': 'customFields.kundeSeit',
          Umsatz: 'customFields.umsatz',
          Branche: 'customFields.branche',
          Firma: 'company',
        }),
      },
      csv([
        'Vorname;Nachname;E-Mail;Kunde seit;Umsatz;Branche;Firma',
        'Gut;Zeile;gut@example.de;01.01.2025;1.000,00;Handel;Neue Firma Trocken GmbH',
        'Falsch;Mail;kein-at-zeichen;;;;',
        ';;nur@mail.de;;;;',
        'Datum;Kaputt;datum@example.de;31.02.2025;abc;Bäckerei;',
      ]),
    );
    expect(result).toMatchObject({
      status: 'done',
      dryRun: true,
      total: 4,
      processed: 4,
      created: 1,
      failed: 3,
      companiesCreated: 1,
    });
    expect(result.errors).toEqual([
      { row: 3, message: 'E-Mail: is not a valid e-mail address' },
      { row: 4, message: 'a contact needs a first or last name' },
      {
        row: 5,
        message: expect.stringMatching(
          /^Kunde seit: must be a date YYYY-MM-DD; Umsatz: must be a whole number of cents; Branche: must be one of/,
        ),
      },
    ]);
    expect(await contactCount()).toBe(before);
    expect(
      await t.database.db.selectFrom('companies').select('id').where('name', '=', 'Neue Firma Trocken GmbH').execute(),
    ).toEqual([]);
  });

  it('create mode skips likely duplicates (existing contact, earlier row) and reports them', async () => {
    const existing = await admin.api.post('/api/v1/contacts', {
      firstName: 'Doppelt',
      lastName: 'Vorhanden',
      email: 'doppelt@example.de',
    });
    expect(existing.status).toBe(201);
    const result = await runImport(
      admin,
      {
        entity: 'contact',
        mapping: JSON.stringify({ Vorname: 'firstName', Nachname: 'lastName', 'E-Mail': 'email', Telefon: 'phone' }),
      },
      csv([
        'Vorname;Nachname;E-Mail;Telefon',
        'Doppelt;Nochmal;DOPPELT@example.de;',
        'Erst;Einmal;einmal@example.de;030 555 123',
        'Zweit;Einmal;zweit@example.de;+49 (30) 555-123',
      ]),
    );
    expect(result).toMatchObject({ created: 1, failed: 2 });
    expect(result.errors[0]).toEqual({
      row: 2,
      message: `likely duplicate of "Doppelt Vorhanden" (same e-mail; id ${existing.body.id})`,
    });
    expect(result.errors[1]).toEqual({ row: 4, message: 'likely duplicate of row 3 (same phone)' });
    expect(await contactsByEmail(admin, 'doppelt@example.de')).toHaveLength(1);
  });

  it('upsert updates instead of duplicating, matched by e-mail or by external id', async () => {
    const created = await admin.api.post('/api/v1/contacts', {
      firstName: 'Ulla',
      lastName: 'Upsert',
      email: 'ulla@example.de',
      tags: ['Alt'],
      customFields: { rabatt: 5 },
    });
    const byEmail = await runImport(
      admin,
      {
        entity: 'contact',
        mode: 'upsert',
        mapping: JSON.stringify({
          Nachname: 'lastName',
          'E-Mail': 'email',
          Ort: 'city',
          Tags: 'tags',
          Umsatz: 'customFields.umsatz',
        }),
      },
      csv(['Nachname;E-Mail;Ort;Tags;Umsatz', 'Upsert-Neu;Ulla@Example.de;Hamburg;Neu;10', 'Frisch;frisch@example.de;Bremen;;']),
    );
    expect(byEmail).toMatchObject({ created: 1, updated: 1, failed: 0 });
    const [ulla] = await contactsByEmail(admin, 'ulla@example.de');
    expect(ulla).toMatchObject({
      id: created.body.id,
      firstName: 'Ulla',
      lastName: 'Upsert-Neu',
      address: { city: 'Hamburg' },
      tags: ['Alt', 'Neu'],
      customFields: { rabatt: 5, umsatz: 1000 },
      version: 2,
    });
    const timeline = await admin.api.get(`/api/v1/contacts/${ulla.id}/timeline`);
    expect(JSON.stringify(timeline.body)).toContain('Upsert-Neu');

    const ext = {
      entity: 'contact',
      mode: 'upsert',
      mapping: JSON.stringify({ Kundennummer: 'externalId', Vorname: 'firstName', Nachname: 'lastName', 'E-Mail': 'email' }),
    };
    const first = await runImport(
      admin,
      ext,
      csv(['Kundennummer;Vorname;Nachname;E-Mail', 'K-1001;Ext;Erstmal;ext1@example.de']),
    );
    expect(first).toMatchObject({ created: 1, updated: 0 });
    const second = await runImport(
      admin,
      ext,
      csv(['Kundennummer;Vorname;Nachname;E-Mail', 'K-1001;Ext;Geändert;ext-neu@example.de']),
    );
    expect(second).toMatchObject({ created: 0, updated: 1 });
    const matches = (await admin.api.get('/api/v1/contacts?externalId=K-1001')).body.data;
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ lastName: 'Geändert', email: 'ext-neu@example.de' });
    const unchanged = await runImport(
      admin,
      ext,
      csv(['Kundennummer;Vorname;Nachname;E-Mail', 'K-1001;Ext;Geändert;ext-neu@example.de']),
    );
    expect(unchanged).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it('companies: create, and upsert by name', async () => {
    const mapping = JSON.stringify({ Firma: 'name', Webseite: 'website', Ort: 'city', Telefon: 'phone' });
    const created = await runImport(
      admin,
      { entity: 'company', mapping },
      csv(['Firma;Webseite;Ort;Telefon', 'Holzbau Krämer KG;https://holzbau.example;Ulm;0731 1234', 'Holzbau Krämer KG;;Ulm;']),
    );
    expect(created).toMatchObject({ created: 1, failed: 1 });
    expect(created.errors[0].message).toBe('likely duplicate of row 2 (same name)');
    const upsert = await runImport(
      admin,
      { entity: 'company', mapping, mode: 'upsert' },
      csv(['Firma;Webseite;Ort;Telefon', 'holzbau krämer kg;;Neu-Ulm;']),
    );
    expect(upsert).toMatchObject({ created: 0, updated: 1 });
    const list = (await admin.api.get('/api/v1/companies?q=Holzbau')).body.data;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      name: 'Holzbau Krämer KG',
      website: 'https://holzbau.example',
      address: { city: 'Neu-Ulm' },
    });
  });
});

describe('requests', () => {
  const file = { name: 'a.csv', content: 'Vorname;Nachname\r\nA;B\r\n' };

  it('refuses a bad request before taking the file, naming the field or the mapping’s header', async () => {
    const before = (await t.database.db.selectFrom('imports').select('id').execute()).length;
    const unknownField = await postMultipart(
      t.app,
      admin.token,
      '/api/v1/imports',
      { entity: 'contact', mapping: '{"Vorname":"vorname"}' },
      file,
    );
    expectProblem(unknownField, 400, 'validation_failed');
    expect(unknownField.body.errors[0].path).toBe('mapping.Vorname');
    const unknownCustom = await postMultipart(
      t.app,
      admin.token,
      '/api/v1/imports',
      { entity: 'contact', mapping: '{"Nachname":"lastName","Farbe":"customFields.farbe"}' },
      file,
    );
    expect(unknownCustom.body.errors).toEqual([
      { path: 'mapping.Farbe', message: '"customFields.farbe" is not a defined custom field' },
    ]);
    const notInFile = await postMultipart(
      t.app,
      admin.token,
      '/api/v1/imports',
      { entity: 'contact', mapping: '{"Name":"lastName"}' },
      file,
    );
    expect(notInFile.body.errors).toEqual([{ path: 'mapping.Name', message: 'is not a column of the file' }]);
    expectProblem(
      await postMultipart(t.app, admin.token, '/api/v1/imports', { entity: 'contact', mapping: '{nope' }, file),
      400,
      'validation_failed',
    );
    const mode = await postMultipart(
      t.app,
      admin.token,
      '/api/v1/imports',
      { entity: 'contact', mode: 'merge', mapping: '{}' },
      file,
    );
    expect(mode.body.errors.map((e: { path: string }) => e.path)).toEqual(['mode']);
    const afterFile = await postMultipart(t.app, admin.token, '/api/v1/imports', {}, file);
    expect(afterFile.body.errors.map((e: { path: string }) => e.path)).toEqual(['entity', 'mapping']);
    const deal = await postMultipart(t.app, admin.token, '/api/v1/imports', { entity: 'deal', mapping: '{}' }, file);
    expectProblem(deal, 400, 'validation_failed');
    expect(deal.body.errors).toEqual([{ path: 'mapping', message: 'map a column to title' }]);
    expectProblem(
      await postMultipart(t.app, admin.token, '/api/v1/imports', { entity: 'contact', mapping: '{"Nachname":"lastName"}' }),
      400,
      'validation_failed',
    );
    expectProblem(await admin.api.post('/api/v1/imports', { entity: 'contact' }), 415, 'unsupported_media_type');
    expect((await t.database.db.selectFrom('imports').select('id').execute()).length).toBe(before);
    // JSON routes parse as before
    expect((await admin.api.post('/api/v1/contacts', { lastName: 'Json Noch Da' })).status).toBe(201);
  });

  it('a manager’s import is theirs; giving rows to someone else fails per row; others cannot see the import', async () => {
    const manager = await createUser(t, admin, { role: 'manager' });
    const other = await createUser(t, admin, { role: 'manager' });
    const result = await runImport(
      manager,
      { entity: 'contact', mapping: JSON.stringify({ Nachname: 'lastName', Inhaber: 'ownerId', Firma: 'company' }) },
      {
        name: 'team.csv',
        content: `Nachname;Inhaber;Firma\r\nSelbst;;Managerfirma\r\nAuchSelbst;${manager.user.id};Managerfirma\r\nFremd;${other.user.id};\r\nNiemand;nobody;\r\n`,
      },
    );
    expect(result).toMatchObject({ created: 2, failed: 2, companiesCreated: 1 });
    expect(result.errors).toEqual([
      { row: 4, message: 'Inhaber: You cannot give records to this user' },
      { row: 5, message: 'Inhaber: The owner must be an active user' },
    ]);
    const mine = (await manager.api.get('/api/v1/contacts')).body.data;
    expect(mine.map((c: { lastName: string }) => c.lastName).sort()).toEqual(['AuchSelbst', 'Selbst']);
    expect(
      mine.every(
        (c: { ownerId: string; companyName: string }) => c.ownerId === manager.user.id && c.companyName === 'Managerfirma',
      ),
    ).toBe(true);
    expect((await other.api.get('/api/v1/contacts')).body.data).toEqual([]);

    expectProblem(await other.api.get(`/api/v1/imports/${result.id}`), 404, 'not_found');
    expectProblem(await other.api.get(`/api/v1/imports/${result.id}/errors.csv`), 404, 'not_found');
    expect((await admin.api.get(`/api/v1/imports/${result.id}`)).status).toBe(200);
    const list = (await manager.api.get('/api/v1/imports')).body;
    expect(list.data.map((i: { id: string }) => i.id)).toEqual([result.id]);
    expect((await other.api.get('/api/v1/imports')).body.data).toEqual([]);
  });

  it('the error report lists each failed row with its original values, formula-safe', async () => {
    const result = await runImport(
      admin,
      { entity: 'contact', mapping: JSON.stringify({ Vorname: 'firstName', Nachname: 'lastName', 'E-Mail': 'email' }) },
      {
        name: 'fehler.csv',
        content:
          'Vorname;Nachname;E-Mail\r\n"=HYPERLINK(""http://evil.example"";""klick"")";Böse;keine-mail\r\nOk;Fine;ok-report@example.de\r\n',
      },
    );
    expect(result).toMatchObject({ created: 1, failed: 1, errorReport: `/api/v1/imports/${result.id}/errors.csv` });
    const res = await admin.api.get(result.errorReport);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="import-fehler-${result.id}.csv"`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    expect(res.text.slice(1).split('\r\n')).toEqual([
      'Zeile;Fehler;Vorname;Nachname;E-Mail',
      '2;E-Mail: is not a valid e-mail address;"\'=HYPERLINK(""http://evil.example"";""klick"")";Böse;keine-mail',
      '',
    ]);
    const en = await admin.api.get(`${result.errorReport}?lang=en`);
    expect(en.text.slice(1).split('\r\n')[0]).toBe('Row;Error;Vorname;Nachname;E-Mail');
  });
});

describe('round trip', () => {
  it('a German CSV export re-imports with the suggested mapping: upsert by e-mail finds nothing to change', async () => {
    expect(
      (
        await admin.api.post('/api/v1/custom-fields', {
          entity: 'contact',
          key: 'letzterBesuch',
          label: 'Letzter Besuch',
          type: 'datetime',
        })
      ).status,
    ).toBe(201);
    const company = await admin.api.post('/api/v1/companies', { name: 'Rundreise & Söhne KG' });
    for (const [firstName, email] of [
      ['Rita', 'rita@example.de'],
      ['Rolf', 'rolf@example.de'],
    ] as const) {
      const res = await admin.api.post('/api/v1/contacts', {
        firstName,
        lastName: 'Rundreise',
        email,
        phone: '+49 171 1234567',
        companyId: company.body.id,
        address: { street: 'Ringstraße 1', zip: '01067', city: 'Dresden', country: 'DE' },
        tags: ['rundreise', 'VIP'],
        customFields: {
          kundeSeit: '2025-12-31',
          umsatz: 123456,
          rabatt: 7.5,
          newsletter: true,
          letzterBesuch: '2025-07-01T12:30:00.000Z',
          notiz: '=1+2',
          branche: 'Handel',
        },
      });
      expect(res.status, res.text).toBe(201);
    }
    const exported = await t.app.inject({
      method: 'GET',
      url: '/api/v1/contacts/export?tag=rundreise',
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const file = { name: 'kontakte.csv', content: exported.rawPayload, type: 'text/csv' };
    const preview = await postMultipart(t.app, admin.token, '/api/v1/imports/preview', { entity: 'contact' }, file);
    expect(preview.body.suggestedMapping).toMatchObject({
      'E-Mail': 'email',
      Firma: 'company',
      'Externe ID': 'externalId',
      'Letzter Besuch': 'customFields.letzterBesuch',
      Notiz: 'customFields.notiz',
    });
    expect(preview.body.suggestedMapping).not.toHaveProperty('ID');
    const result = await runImport(
      admin,
      { entity: 'contact', mode: 'upsert', mapping: JSON.stringify(preview.body.suggestedMapping) },
      file,
    );
    expect(result).toMatchObject({ status: 'done', created: 0, updated: 0, unchanged: 2, failed: 0, companiesCreated: 0 });
  });
});

describe('deals', () => {
  const csv = (lines: string[]) => ({ name: 'deals.csv', content: `\uFEFF${lines.join('\r\n')}\r\n`, type: 'text/csv' });
  type Stage = { id: string; key: string | null; name: string };
  let vertrieb: { id: string; stages: Stage[] };
  let service: { id: string; stages: Stage[] };
  let kunde: { id: string; companyId: string };
  const stageId = (p: { stages: Stage[] }, name: string) => p.stages.find((s) => s.name === name)?.id as string;
  const dealByExt = async (session: Session, ext: string) =>
    (await session.api.get(`/api/v1/deals?externalId=${encodeURIComponent(ext)}`)).body.data[0];
  const dealCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('deals')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const boardOf = async (session: Session, pipelineId: string) => {
    const res = await session.api.get(`/api/v1/pipelines/${pipelineId}/board`);
    expect(res.status, res.text).toBe(200);
    return Object.fromEntries(
      res.body.stages.map((s: { stageId: string; count: number; amountCents: number; deals: { title: string }[] }) => [
        s.stageId,
        { count: s.count, amountCents: s.amountCents, titles: s.deals.map((d) => d.title).sort() },
      ]),
    );
  };
  const GERMAN = [
    'Titel;Pipeline;Phase;Betrag;Abschluss;Kontakt-E-Mail;Firma;Verantwortlich;Quelle;Schlagworte;Verlustgrund;Auftragsnummer;Fläche',
    'Fenster Neubau Weiß;;;1.234,50;31.12.2026;Deal.Kunde@example.de;;admin@example.de;Messe;VIP, Neubau;;A-100;120,5',
    'Wartung Heizung;Service;Termin;1234.50;2026-11-30;;Glaserei Nord GmbH;;;;;A-101;80',
    'Markise Sommer;Vertrieb;verloren;500;;;;;;;zu teuer;A-102;',
    'Carport Holz;vertrieb;Gewonnen;"2.000";;;;;Empfehlung;;;A-103;',
  ];

  beforeAll(async () => {
    for (const def of [
      { key: 'flaeche', label: 'Fläche', type: 'number' },
      { key: 'auftragsart', label: 'Auftragsart', type: 'select', options: ['Neubau', 'Sanierung'] },
    ]) {
      expect((await admin.api.post('/api/v1/custom-fields', { entity: 'deal', ...def })).status).toBe(201);
    }
    vertrieb = (await admin.api.get('/api/v1/pipelines')).body.data.find((p: { name: string }) => p.name === 'Vertrieb');
    const created = await admin.api.post('/api/v1/pipelines', {
      name: 'Service',
      stages: [
        { name: 'Anfrage' },
        { name: 'Termin', requiredFields: ['expectedCloseDate', 'customFields.flaeche'] },
        { name: 'Erledigt', kind: 'won' },
        { name: 'Abgesagt', kind: 'lost' },
      ],
    });
    expect(created.status, created.text).toBe(201);
    service = created.body;
    const company = await admin.api.post('/api/v1/companies', { name: 'Glaserei Nord GmbH' });
    const contact = await admin.api.post('/api/v1/contacts', {
      firstName: 'Dora',
      lastName: 'Dealkunde',
      email: 'deal.kunde@example.de',
      externalId: 'K-77',
      companyId: company.body.id,
    });
    expect(contact.status, contact.text).toBe(201);
    kunde = contact.body;
  });

  it('creates deals from a German CSV with the suggested mapping: pipeline and stage by name, German amounts, links', async () => {
    const file = csv(GERMAN);
    const preview = await postMultipart(t.app, admin.token, '/api/v1/imports/preview', { entity: 'deal' }, file);
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.suggestedMapping).toEqual({
      Titel: 'title',
      Pipeline: 'pipeline',
      Phase: 'stage',
      Betrag: 'amount',
      Abschluss: 'expectedCloseDate',
      'Kontakt-E-Mail': 'contactEmail',
      Firma: 'company',
      Verantwortlich: 'ownerEmail',
      Quelle: 'source',
      Schlagworte: 'tags',
      Verlustgrund: 'lostReason',
      Auftragsnummer: 'externalId',
      Fläche: 'customFields.flaeche',
    });
    expect(preview.body.fields).toEqual(
      expect.arrayContaining(['title', 'stage', 'amount', 'contactExternalId', 'customFields.auftragsart']),
    );

    const result = await runImport(admin, { entity: 'deal', mapping: JSON.stringify(preview.body.suggestedMapping) }, file);
    expect(result).toMatchObject({ status: 'done', entity: 'deal', total: 4, processed: 4, created: 4, failed: 0, errors: [] });

    const weiss = await dealByExt(admin, 'A-100');
    expect(weiss).toMatchObject({
      title: 'Fenster Neubau Weiß',
      pipelineId: vertrieb.id,
      stageId: stageId(vertrieb, 'Neu'),
      status: 'open',
      amountCents: 123450,
      currency: 'EUR',
      taxRate: 19,
      taxCents: 23456,
      grossCents: 146906,
      expectedCloseDate: '2026-12-31',
      contactId: kunde.id,
      contactName: 'Dora Dealkunde',
      companyId: kunde.companyId,
      companyName: 'Glaserei Nord GmbH',
      ownerId: admin.user.id,
      source: 'Messe',
      tags: ['VIP', 'Neubau'],
      customFields: { flaeche: 120.5 },
      closedAt: null,
      version: 1,
    });
    expect(await dealByExt(admin, 'A-101')).toMatchObject({
      pipelineId: service.id,
      stageId: stageId(service, 'Termin'),
      amountCents: 123450,
      expectedCloseDate: '2026-11-30',
      contactId: null,
      companyName: 'Glaserei Nord GmbH',
      customFields: { flaeche: 80 },
    });
    const lost = await dealByExt(admin, 'A-102');
    expect(lost).toMatchObject({
      status: 'lost',
      lostReason: 'Zu teuer',
      stageId: stageId(vertrieb, 'Verloren'),
      amountCents: 50000,
    });
    expect(lost.closedAt).toEqual(expect.any(String));
    expect(await dealByExt(admin, 'A-103')).toMatchObject({ status: 'won', amountCents: 200000, source: 'Empfehlung' });

    // stage history, timeline, board, search and reports see them as deals made through the API
    const history = (await admin.api.get(`/api/v1/deals/${weiss.id}/history`)).body;
    expect(history.data ?? history).toMatchObject([
      { fromStageId: null, toStageId: stageId(vertrieb, 'Neu'), userId: admin.user.id },
    ]);
    expect(JSON.stringify((await admin.api.get(`/api/v1/deals/${weiss.id}/timeline`)).body)).toContain('deals.csv');
    const board = await boardOf(admin, vertrieb.id);
    expect(board[stageId(vertrieb, 'Neu')]).toEqual({ count: 1, amountCents: 123450, titles: ['Fenster Neubau Weiß'] });
    expect(board[stageId(vertrieb, 'Gewonnen')]).toEqual({ count: 1, amountCents: 200000, titles: ['Carport Holz'] });
    expect(board[stageId(vertrieb, 'Verloren')]).toMatchObject({ count: 1, amountCents: 50000 });
    expect((await boardOf(admin, service.id))[stageId(service, 'Termin')]).toMatchObject({ count: 1, amountCents: 123450 });
    const found = (await admin.api.get('/api/v1/search?q=Markise&type=deal')).body.data;
    expect(found.map((d: { id: string }) => d.id)).toEqual([lost.id]);
    const funnel = (await admin.api.get(`/api/v1/reports/funnel?pipelineId=${vertrieb.id}`)).body;
    expect(funnel).toMatchObject({ won: 1, lost: 1, wonAmountCents: 200000, lostAmountCents: 50000 });
    const entered = Object.fromEntries(funnel.stages.map((s: { key: string; entered: number }) => [s.key, s.entered]));
    expect(entered).toMatchObject({ new: 1, won: 1, lost: 1 });
  });

  it('reads an XLSX: date and number cells, a percent tax cell, stage by its English key, contact by external id', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Deals');
    sheet.addRow([
      'Title',
      'Stage',
      'Amount',
      'Currency',
      'Tax rate',
      'Close date',
      'Kundennummer',
      'Auftragsart',
      'External ID',
    ]);
    sheet.addRow([
      'Dachsanierung Nord',
      'Qualified',
      1234.5,
      'chf',
      0.07,
      new Date(Date.UTC(2027, 0, 15)),
      'K-77',
      'sanierung',
      'X-1',
    ]);
    sheet.getCell('E2').numFmt = '0%';
    sheet.getCell('F2').numFmt = 'dd.mm.yyyy';
    sheet.addRow(['Gaube', 'offer', '1.234', 'EUR', '7 %', '15.01.27', '', '', 'X-2']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const file = { name: 'deals.xlsx', content, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    const preview = await postMultipart(t.app, admin.token, '/api/v1/imports/preview', { entity: 'deal' }, file);
    expect(preview.body.suggestedMapping).toEqual({
      Title: 'title',
      Stage: 'stage',
      Amount: 'amount',
      Currency: 'currency',
      'Tax rate': 'taxRate',
      'Close date': 'expectedCloseDate',
      Kundennummer: 'contactExternalId',
      Auftragsart: 'customFields.auftragsart',
      'External ID': 'externalId',
    });
    const result = await runImport(admin, { entity: 'deal', mapping: JSON.stringify(preview.body.suggestedMapping) }, file);
    expect(result).toMatchObject({ status: 'done', created: 2, failed: 0 });
    expect(await dealByExt(admin, 'X-1')).toMatchObject({
      stageId: stageId(vertrieb, 'Qualifiziert'),
      amountCents: 123450,
      currency: 'CHF',
      taxRate: 7,
      taxCents: 8642,
      expectedCloseDate: '2027-01-15',
      contactId: kunde.id,
      companyId: kunde.companyId,
      customFields: { auftragsart: 'Sanierung' },
    });
    expect(await dealByExt(admin, 'X-2')).toMatchObject({
      stageId: stageId(vertrieb, 'Angebot'),
      amountCents: 123400,
      taxRate: 7,
      expectedCloseDate: '2027-01-15',
      contactId: null,
    });
  });

  it('upsert updates deals found by external id: moves them with history, recomputes money, keeps the rest', async () => {
    const before = await dealByExt(admin, 'A-100');
    t.clock.advance(90_000);
    const mapping = JSON.stringify({
      Nr: 'externalId',
      Phase: 'stage',
      Betrag: 'amount',
      Tags: 'tags',
      Art: 'customFields.auftragsart',
    });
    const lines = ['Nr;Phase;Betrag;Tags;Art', 'A-100;Angebot;2.000,00;Priorität;Neubau', 'A-900;;;;'];
    const noTitle = await runImport(admin, { entity: 'deal', mode: 'upsert', mapping }, csv(lines));
    expect(noTitle).toMatchObject({ created: 0, updated: 1, failed: 1 });
    expect(noTitle.errors).toEqual([{ row: 3, message: 'title: a deal needs a title' }]);
    const after = await dealByExt(admin, 'A-100');
    expect(after).toMatchObject({
      id: before.id,
      title: 'Fenster Neubau Weiß',
      stageId: stageId(vertrieb, 'Angebot'),
      amountCents: 200000,
      taxCents: 38000,
      grossCents: 238000,
      tags: ['VIP', 'Neubau', 'Priorität'],
      customFields: { flaeche: 120.5, auftragsart: 'Neubau' },
      contactId: kunde.id,
      version: 2,
    });
    expect(after.stageEnteredAt).not.toBe(before.stageEnteredAt);
    const history = (await admin.api.get(`/api/v1/deals/${before.id}/history`)).body;
    expect(
      (history.data ?? history).map((h: { toStageId: string; secondsInPrevious: number | null }) => [
        h.toStageId,
        h.secondsInPrevious,
      ]),
    ).toEqual([
      [stageId(vertrieb, 'Neu'), null],
      [stageId(vertrieb, 'Angebot'), 90],
    ]);
    const board = await boardOf(admin, vertrieb.id);
    expect(board[stageId(vertrieb, 'Neu')]).toMatchObject({ count: 0, amountCents: 0 });
    expect(board[stageId(vertrieb, 'Angebot')]).toEqual({
      count: 2,
      amountCents: 323400,
      titles: ['Fenster Neubau Weiß', 'Gaube'],
    });

    const again = await runImport(admin, { entity: 'deal', mode: 'upsert', mapping }, csv(lines.slice(0, 2)));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, failed: 0 });
    expect((await dealByExt(admin, 'A-100')).version).toBe(2);

    // an amount that follows line items stays; two rows for one new deal make one deal
    const withLines = await dealByExt(admin, 'A-101');
    const line = await admin.api.post(`/api/v1/deals/${withLines.id}/line-items`, {
      description: 'Wartung',
      quantity: 1,
      unitPriceCents: 10000,
      taxRate: 19,
    });
    expect(line.status, line.text).toBe(201);
    const more = await runImport(
      admin,
      {
        entity: 'deal',
        mode: 'upsert',
        mapping: JSON.stringify({ Nr: 'externalId', Titel: 'title', Betrag: 'amount', 'MwSt-Satz': 'taxRate' }),
      },
      csv(['Nr;Titel;Betrag;MwSt-Satz', 'A-101;;999;', 'N-2;Zweimal;100;', 'N-2;;;7']),
    );
    expect(more).toMatchObject({ created: 1, updated: 1, failed: 1 });
    expect(more.errors).toEqual([{ row: 2, message: "Betrag: the amount follows the deal's line items; change those instead" }]);
    expect(await dealByExt(admin, 'N-2')).toMatchObject({
      title: 'Zweimal',
      amountCents: 10000,
      taxRate: 7,
      taxCents: 700,
      grossCents: 10700,
      version: 1,
    });
    const rate = await runImport(
      admin,
      { entity: 'deal', mode: 'upsert', mapping: JSON.stringify({ Nr: 'externalId', 'MwSt-Satz': 'taxRate' }) },
      csv(['Nr;MwSt-Satz', 'N-2;19 %']),
    );
    expect(rate).toMatchObject({ updated: 1, failed: 0 });
    expect(await dealByExt(admin, 'N-2')).toMatchObject({ taxRate: 19, taxCents: 1900, grossCents: 11900, version: 2 });

    // create mode never takes an external id twice
    const twice = await runImport(
      admin,
      { entity: 'deal', mapping: JSON.stringify({ Titel: 'title', Nr: 'externalId' }) },
      csv(['Titel;Nr', 'Noch einmal;A-100', 'Neu;N-1', 'Doppelt;N-1']),
    );
    expect(twice).toMatchObject({ created: 1, failed: 2 });
    expect(twice.errors).toEqual([
      { row: 2, message: 'Nr: "A-100" is already used by another deal' },
      { row: 4, message: 'likely duplicate of row 3 (same external id)' },
    ]);
    expectProblem(
      await postMultipart(
        t.app,
        admin.token,
        '/api/v1/imports',
        { entity: 'deal', mode: 'upsert', mapping: '{"Titel":"title"}' },
        csv(['Titel', 'x']),
      ),
      400,
      'validation_failed',
    );
  });

  it('a dry run names each row’s problem (stage, gate, contact, values) and writes nothing', async () => {
    const manager = await createUser(t, admin, { role: 'manager' });
    const other = await createUser(t, admin, { role: 'manager' });
    expect((await manager.api.post('/api/v1/contacts', { lastName: 'Eigen', email: 'eigen@example.de' })).status).toBe(201);
    expect((await other.api.post('/api/v1/contacts', { lastName: 'Fremd', email: 'fremd@example.de' })).status).toBe(201);
    const before = await dealCount();
    const result = await runImport(
      manager,
      {
        entity: 'deal',
        dryRun: 'true',
        mapping: JSON.stringify({
          Titel: 'title',
          Pipeline: 'pipeline',
          Phase: 'stage',
          Betrag: 'amount',
          Abschluss: 'expectedCloseDate',
          Kontakt: 'contactEmail',
          Grund: 'lostReason',
          Fläche: 'customFields.flaeche',
        }),
      },
      csv([
        'Titel;Pipeline;Phase;Betrag;Abschluss;Kontakt;Grund;Fläche',
        'Gut;Service;Termin;100;01.03.2027;eigen@example.de;;12',
        'Phase unbekannt;;Irgendwo;;;;;',
        'Ohne Termin;Service;Termin;;;;;',
        'Fremder Kontakt;;;;;fremd@example.de;;',
        'Verloren ohne Grund;;Verloren;;;;;',
        'Betrag kaputt;;;zwölf;;;;',
        'Datum kaputt;;;;31.02.2027;;;',
        'Pipeline unbekannt;Montage;;;;;;',
        ';;;;;;;',
      ]),
    );
    // a lost reason is optional, as in the API
    expect(result).toMatchObject({ status: 'done', dryRun: true, total: 8, processed: 8, created: 2, failed: 6 });
    expect(result.errors).toEqual([
      { row: 3, message: 'Phase: pipeline "Vertrieb" has no stage "Irgendwo"' },
      {
        row: 4,
        message: 'Abschluss: is required before entering stage "Termin"; Fläche: is required before entering stage "Termin"',
      },
      { row: 5, message: 'Kontakt: there is no contact with the e-mail fremd@example.de' },
      { row: 7, message: 'Betrag: "zwölf" is not an amount' },
      { row: 8, message: 'Abschluss: "31.02.2027" is not a date (31.12.2025 or 2025-12-31)' },
      { row: 9, message: 'Pipeline: there is no pipeline "Montage"' },
    ]);
    expect(await dealCount()).toBe(before);
  });

  it('a manager’s deals are their own: other owners fail per row, others’ deals cannot be updated', async () => {
    const manager = await createUser(t, admin, { role: 'manager' });
    const other = await createUser(t, admin, { role: 'manager' });
    const mapping = { Titel: 'title', Verantwortlich: 'ownerEmail', Nr: 'externalId', Betrag: 'amount' };
    const result = await runImport(
      manager,
      { entity: 'deal', mode: 'upsert', mapping: JSON.stringify(mapping) },
      csv([
        'Titel;Verantwortlich;Nr;Betrag',
        'Selbst;;M-1;1.000',
        `Auch selbst;${manager.user.email.toUpperCase()};M-2;2.000`,
        `Per Name;${manager.user.name};M-5;`,
        `Für andere;${other.user.email};M-3;`,
        'Niemand;niemand@example.de;M-4;',
        'Fremder Deal;;A-100;5',
      ]),
    );
    expect(result).toMatchObject({ created: 3, updated: 0, failed: 3 });
    expect(result.errors).toEqual([
      { row: 5, message: 'Verantwortlich: You cannot give records to this user' },
      { row: 6, message: 'Verantwortlich: niemand@example.de is not a user' },
      { row: 7, message: 'Nr: belongs to a deal you cannot see' },
    ]);
    const mine = (await manager.api.get('/api/v1/deals')).body.data;
    expect(mine.map((d: { title: string; ownerId: string }) => [d.title, d.ownerId === manager.user.id]).sort()).toEqual([
      ['Auch selbst', true],
      ['Per Name', true],
      ['Selbst', true],
    ]);
    expect((await other.api.get('/api/v1/deals')).body.data).toEqual([]);
    expect((await dealByExt(admin, 'A-100')).amountCents).toBe(200000);
    // the manager's board shows their deals only, with their sums
    const board = await boardOf(manager, vertrieb.id);
    expect(board[stageId(vertrieb, 'Neu')]).toEqual({
      count: 3,
      amountCents: 300000,
      titles: ['Auch selbst', 'Per Name', 'Selbst'],
    });
  });

  it('a German or English deals export re-imports with the suggested mapping: upsert by external id changes nothing', async () => {
    const exported = await t.app.inject({
      method: 'GET',
      url: `/api/v1/deals/export?pipelineId=${vertrieb.id}`,
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(exported.statusCode, exported.body).toBe(200);
    const file = { name: 'deals-export.csv', content: exported.rawPayload, type: 'text/csv' };
    const preview = await postMultipart(t.app, admin.token, '/api/v1/imports/preview', { entity: 'deal' }, file);
    expect(preview.body.suggestedMapping).toEqual({
      Titel: 'title',
      Pipeline: 'pipeline',
      Phase: 'stage',
      'Betrag netto': 'amount',
      Währung: 'currency',
      'Erwarteter Abschluss': 'expectedCloseDate',
      Firma: 'company',
      Inhaber: 'ownerEmail',
      Quelle: 'source',
      Tags: 'tags',
      Verlustgrund: 'lostReason',
      'Externe ID': 'externalId',
      Fläche: 'customFields.flaeche',
      Auftragsart: 'customFields.auftragsart',
    });
    expect(preview.body.rows.length).toBeGreaterThan(5);
    const result = await runImport(
      admin,
      { entity: 'deal', mode: 'upsert', mapping: JSON.stringify(preview.body.suggestedMapping) },
      file,
    );
    expect(result).toMatchObject({ status: 'done', created: 0, updated: 0, failed: 0, errors: [] });
    expect(result.unchanged).toBe(result.total);

    // the English export names the shipped stages in English ("Offer", "Won") and the owner "Owner"
    const english = await t.app.inject({
      method: 'GET',
      url: `/api/v1/deals/export?pipelineId=${vertrieb.id}&lang=en`,
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const enFile = { name: 'deals-en.csv', content: english.rawPayload, type: 'text/csv' };
    const enPreview = await postMultipart(t.app, admin.token, '/api/v1/imports/preview', { entity: 'deal' }, enFile);
    expect(enPreview.body.suggestedMapping).toMatchObject({
      Title: 'title',
      Stage: 'stage',
      'Amount (net)': 'amount',
      Owner: 'ownerEmail',
      'External ID': 'externalId',
    });
    expect(enPreview.body.rows.map((r: string[]) => r[enPreview.body.headers.indexOf('Stage')])).toContain('Offer');
    const enResult = await runImport(
      admin,
      { entity: 'deal', mode: 'upsert', mapping: JSON.stringify(enPreview.body.suggestedMapping) },
      enFile,
    );
    expect(enResult).toMatchObject({ status: 'done', created: 0, updated: 0, failed: 0, unchanged: result.total });
  });
});

describe('durability', () => {
  it('an import interrupted by a shutdown resumes on the next start without doubling rows', async () => {
    const first = await buildTestApp();
    const owner = await setupAdmin(first);
    const lines = ['Vorname;Nachname;E-Mail'];
    for (let i = 0; i < 6000; i++) lines.push(`Neu${i};Start;neustart${i}@example.de`);
    const res = await postMultipart(
      first.app,
      owner.token,
      '/api/v1/imports',
      { entity: 'contact', mapping: JSON.stringify({ Vorname: 'firstName', Nachname: 'lastName', 'E-Mail': 'email' }) },
      { name: 'neustart.csv', content: lines.join('\r\n') },
    );
    expect(res.status).toBe(202);
    for (let i = 0; i < 1000 && (await owner.api.get(`/api/v1/imports/${res.body.id}`)).body.processed === 0; i++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    await first.app.close();
    const interrupted = await first.database.db.selectFrom('imports').selectAll().executeTakeFirstOrThrow();
    await first.database.close();
    expect(interrupted.status).toBe('running');
    expect(interrupted.processed).toBeGreaterThan(0);
    expect(interrupted.processed).toBeLessThan(6000);

    const second = await buildTestApp({ dataDir: first.dataDir });
    try {
      const done = await waitForImport(second.app, owner.token, res.body.id);
      expect(done).toMatchObject({ status: 'done', total: 6000, processed: 6000, created: 6000, failed: 0 });
      const count = await second.database.db
        .selectFrom('contacts')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(6000);
      const uploads = path.join(second.dataDir, 'imports');
      for (let i = 0; i < 100 && fs.readdirSync(uploads).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(fs.readdirSync(uploads)).toEqual([]);
    } finally {
      await second.close();
    }
  });
});

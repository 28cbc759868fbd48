import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createTeam, createUser, type Session, setupAdmin } from '../support/factories.ts';
import { expectProblem } from '../support/problem.ts';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await setupAdmin(t);
});
afterAll(() => t.close());

const contactRow = (id: string) => t.database.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();

describe('contacts and companies', () => {
  it('CRUD with address, tags, company link, owner and version', async () => {
    const company = await admin.api.post('/api/v1/companies', {
      name: 'Bäckerei Schulze GmbH',
      phone: '030 1234567',
      address: { street: 'Brotweg 3', zip: '10115', city: 'Berlin', country: 'de' },
      tags: ['Stammkunde', 'stammkunde', ' B2B '],
    });
    expect(company.status).toBe(201);
    expect(company.body).toMatchObject({
      name: 'Bäckerei Schulze GmbH',
      address: { street: 'Brotweg 3', zip: '10115', city: 'Berlin', country: 'DE' },
      tags: ['Stammkunde', 'B2B'],
      ownerId: admin.user.id,
      customFields: {},
      version: 1,
    });

    const created = await admin.api.post('/api/v1/contacts', {
      firstName: 'Anna',
      lastName: 'Schmidt',
      email: 'Anna.Schmidt@Example.de',
      phone: '0171 2345678',
      companyId: company.body.id,
      source: 'website',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Anna Schmidt',
      email: 'anna.schmidt@example.de',
      companyName: 'Bäckerei Schulze GmbH',
      source: 'website',
      possibleDuplicates: [],
      version: 1,
    });
    const id = created.body.id;

    const patched = await admin.api.patch(`/api/v1/contacts/${id}`, { phone: '+49 171 9999999' }, { 'if-match': '"1"' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ phone: '+49 171 9999999', version: 2 });
    expectProblem(
      await admin.api.patch(`/api/v1/contacts/${id}`, { phone: 'x' }, { 'if-match': '"1"' }),
      412,
      'version_mismatch',
    );
    expect((await contactRow(id))?.phone).toBe('+49 171 9999999');

    const fetched = await admin.api.get(`/api/v1/contacts/${id}`);
    expect(fetched.body).not.toHaveProperty('possibleDuplicates');
    expect((await admin.api.delete(`/api/v1/contacts/${id}`)).status).toBe(204);
    expectProblem(await admin.api.get(`/api/v1/contacts/${id}`), 404, 'not_found');
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const before = (await t.database.db.selectFrom('contacts').selectAll().execute()).length;
    const noName = await admin.api.post('/api/v1/contacts', { email: 'x@example.de' });
    expectProblem(noName, 400, 'validation_failed');
    expect(noName.body.errors[0].path).toBe('lastName');
    expectProblem(await admin.api.post('/api/v1/contacts', { lastName: 'X', email: 'not-an-email' }), 400, 'validation_failed');
    expectProblem(await admin.api.post('/api/v1/contacts', { lastName: 'X', ownerId: 'nobody' }), 422, 'unprocessable');
    expectProblem(await admin.api.post('/api/v1/contacts', { lastName: 'X', companyId: 'nope' }), 422, 'unprocessable');
    expectProblem(await admin.api.post('/api/v1/contacts', { lastName: 'X', isAdmin: true }), 400, 'validation_failed');
    expect((await t.database.db.selectFrom('contacts').selectAll().execute()).length).toBe(before);
  });
});

describe('custom fields', () => {
  it('validates values against their definition, naming the field', async () => {
    const def = await admin.api.post('/api/v1/custom-fields', {
      entity: 'contact',
      key: 'visitsPerYear',
      label: 'Besuche pro Jahr',
      type: 'number',
    });
    expect(def.status).toBe(201);
    await admin.api.post('/api/v1/custom-fields', {
      entity: 'contact',
      key: 'farbe',
      label: 'Farbe',
      type: 'select',
      options: ['Blau', 'Rot'],
    });
    await admin.api.post('/api/v1/custom-fields', { entity: 'contact', key: 'kundeSeit', label: 'Kunde seit', type: 'date' });
    expectProblem(
      await admin.api.post('/api/v1/custom-fields', { entity: 'contact', key: 'farbe', label: 'X', type: 'text' }),
      409,
      'conflict',
    );
    expectProblem(
      await admin.api.post('/api/v1/custom-fields', { entity: 'contact', key: 'x', label: 'X', type: 'select' }),
      400,
      'validation_failed',
    );
    expectProblem(
      await admin.api.post('/api/v1/custom-fields', { entity: 'contact', key: '1bad key', label: 'X', type: 'text' }),
      400,
      'validation_failed',
    );

    const bad = await admin.api.post('/api/v1/contacts', { lastName: 'Abc', customFields: { visitsPerYear: 'abc' } });
    expectProblem(bad, 400, 'validation_failed');
    expect(bad.body.errors).toEqual([{ path: 'customFields.visitsPerYear', message: 'must be a number' }]);
    const badSelect = await admin.api.post('/api/v1/contacts', {
      lastName: 'Abc',
      customFields: { farbe: 'Grün', kundeSeit: '2025-02-30' },
    });
    expect(badSelect.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'customFields.farbe',
      'customFields.kundeSeit',
    ]);
    const unknown = await admin.api.post('/api/v1/contacts', { lastName: 'Abc', customFields: { nope: 1 } });
    expect(unknown.body.errors[0]).toEqual({ path: 'customFields.nope', message: 'is not a defined custom field' });

    const ok = await admin.api.post('/api/v1/contacts', { lastName: 'Okay', customFields: { visitsPerYear: 4, farbe: 'Blau' } });
    expect(ok.status).toBe(201);
    expect(ok.body.customFields).toEqual({ visitsPerYear: 4, farbe: 'Blau' });
    const patched = await admin.api.patch(`/api/v1/contacts/${ok.body.id}`, {
      customFields: { farbe: null, kundeSeit: '2024-05-01' },
    });
    expect(patched.body.customFields).toEqual({ visitsPerYear: 4, kundeSeit: '2024-05-01' });
  });

  it('required fields must be filled on create and stay filled', async () => {
    await admin.api.post('/api/v1/custom-fields', {
      entity: 'company',
      key: 'branche',
      label: 'Branche',
      type: 'text',
      required: true,
    });
    const missing = await admin.api.post('/api/v1/companies', { name: 'Ohne Branche' });
    expectProblem(missing, 400, 'validation_failed');
    expect(missing.body.errors[0].path).toBe('customFields.branche');
    const ok = await admin.api.post('/api/v1/companies', { name: 'Mit Branche', customFields: { branche: 'Handel' } });
    expect(ok.status).toBe(201);
    expect((await admin.api.patch(`/api/v1/companies/${ok.body.id}`, { name: 'Mit Branche GmbH' })).status).toBe(200);
    expectProblem(
      await admin.api.patch(`/api/v1/companies/${ok.body.id}`, { customFields: { branche: null } }),
      400,
      'validation_failed',
    );
    const def = (await admin.api.get('/api/v1/custom-fields?entity=company')).body.data.find(
      (d: { key: string }) => d.key === 'branche',
    );
    expect((await admin.api.delete(`/api/v1/custom-fields/${def.id}`)).status).toBe(204);
    expect((await admin.api.get(`/api/v1/companies/${ok.body.id}`)).body.customFields).toEqual({});
  });

  it('filters and sorts lists by a custom field, and says which filter is unknown', async () => {
    for (const [lastName, visits] of [
      ['Filter-A', 12],
      ['Filter-B', 2],
      ['Filter-C', 7],
    ] as const) {
      await admin.api.post('/api/v1/contacts', { lastName, tags: ['filtertest'], customFields: { visitsPerYear: visits } });
    }
    const sorted = await admin.api.get('/api/v1/contacts?tag=filtertest&sort=-customFields.visitsPerYear');
    expect(sorted.status).toBe(200);
    expect(sorted.body.data.map((c: { lastName: string }) => c.lastName)).toEqual(['Filter-A', 'Filter-C', 'Filter-B']);
    const filtered = await admin.api.get('/api/v1/contacts?customFields.visitsPerYear=7');
    expect(filtered.body.data.map((c: { lastName: string }) => c.lastName)).toEqual(['Filter-C']);
    const unknown = await admin.api.get('/api/v1/contacts?customFields.nope=1');
    expectProblem(unknown, 400, 'validation_failed');
    expect(unknown.body.errors[0].path).toBe('customFields.nope');
    expectProblem(await admin.api.get('/api/v1/contacts?customFields.visitsPerYear=abc'), 400, 'validation_failed');
    expectProblem(await admin.api.get('/api/v1/contacts?sort=customFields.nope'), 400, 'validation_failed');
    expectProblem(await admin.api.get('/api/v1/contacts?hack=1'), 400, 'validation_failed');
    const plan = await t.database.sqlite
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM contacts WHERE json_extract(contacts.custom_fields, '$.visitsPerYear') = 7")
      .all();
    expect(JSON.stringify(plan)).toContain('cf_contact_visitsPerYear');
  });
});

describe('visibility', () => {
  it('a manager sees and changes only their own contacts; refused writes change nothing; a head sees the team', async () => {
    const team = await createTeam(admin, { name: 'Vertrieb Süd' });
    const head = await createUser(t, admin, { role: 'head', teamId: team.id });
    await admin.api.patch(`/api/v1/teams/${team.id}`, { headId: head.user.id });
    const anna = await createUser(t, admin, { role: 'manager', teamId: team.id });
    const ben = await createUser(t, admin, { role: 'manager' });

    const annas = (await anna.api.post('/api/v1/contacts', { firstName: 'Clara', lastName: 'Sichtbar' })).body;
    const bens = (await ben.api.post('/api/v1/contacts', { firstName: 'Dieter', lastName: 'Geheim' })).body;

    const annaList = await anna.api.get('/api/v1/contacts?limit=200');
    expect(annaList.body.data.map((c: { id: string }) => c.id)).toEqual([annas.id]);
    expectProblem(await anna.api.get(`/api/v1/contacts/${bens.id}`), 404, 'not_found');
    const before = await contactRow(bens.id);
    expectProblem(await anna.api.patch(`/api/v1/contacts/${bens.id}`, { lastName: 'Gehackt' }), 404, 'not_found');
    expectProblem(await anna.api.delete(`/api/v1/contacts/${bens.id}`), 404, 'not_found');
    expect(await contactRow(bens.id)).toEqual(before);

    expectProblem(await anna.api.post('/api/v1/contacts', { lastName: 'Fremd', ownerId: ben.user.id }), 403, 'forbidden');
    expectProblem(await anna.api.patch(`/api/v1/contacts/${annas.id}`, { ownerId: ben.user.id }), 403, 'forbidden');
    expect((await contactRow(annas.id))?.ownerId).toBe(anna.user.id);

    const headIds = (await head.api.get('/api/v1/contacts?limit=200')).body.data.map((c: { id: string }) => c.id);
    expect(headIds).toContain(annas.id);
    expect(headIds).not.toContain(bens.id);
    expect((await head.api.patch(`/api/v1/contacts/${annas.id}`, { ownerId: head.user.id })).status).toBe(200);
    expect((await admin.api.get(`/api/v1/contacts/${bens.id}`)).status).toBe(200);
  });
});

describe('timeline', () => {
  it('shows notes, calls and field changes newest first, with who did it', async () => {
    const contact = (await admin.api.post('/api/v1/contacts', { firstName: 'Tim', lastName: 'Line' })).body;
    t.clock.advance(60_000);
    const note = await admin.api.post('/api/v1/activities', {
      type: 'note',
      contactId: contact.id,
      body: 'Möchte Rückruf am Nachmittag',
    });
    expect(note.status).toBe(201);
    t.clock.advance(60_000);
    await admin.api.patch(`/api/v1/contacts/${contact.id}`, { phone: '030 555' });
    t.clock.advance(60_000);
    const call = await admin.api.post('/api/v1/activities', {
      type: 'call',
      contactId: contact.id,
      body: 'Termin vereinbart',
      direction: 'outbound',
      durationSec: 120,
      occurredAt: t.clock.now().toISOString(),
    });
    const res = await admin.api.get(`/api/v1/contacts/${contact.id}/timeline`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((i: { kind: string; title: string }) => `${i.kind}:${i.title}`)).toEqual([
      'activity:call',
      'change:updated',
      'activity:note',
      'change:created',
    ]);
    expect(res.body.data[1].changes).toEqual([{ field: 'phone', from: null, to: '030 555' }]);
    expect(res.body.data[0].userName).toBe('Max Müller');
    expect((await admin.api.get(`/api/v1/contacts/${contact.id}`)).body.lastActivityAt).toBe(call.body.occurredAt);

    const page1 = await admin.api.get(`/api/v1/contacts/${contact.id}/timeline?limit=3`);
    const page2 = await admin.api.get(`/api/v1/contacts/${contact.id}/timeline?limit=3&cursor=${page1.body.nextCursor}`);
    expect([...page1.body.data, ...page2.body.data].map((i: { id: string }) => i.id)).toEqual(
      res.body.data.map((i: { id: string }) => i.id),
    );
    expect(page2.body.nextCursor).toBeNull();
  });
});

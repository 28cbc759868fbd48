import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createUser, type Session, setupAdmin } from '../support/factories.ts';
import { expectProblem } from '../support/problem.ts';

let t: TestApp;
let admin: Session;
let manager: Session;
let other: Session;

beforeAll(async () => {
  t = await buildTestApp();
  admin = await setupAdmin(t);
  manager = await createUser(t, admin, { role: 'manager' });
  other = await createUser(t, admin, { role: 'manager' });
});
afterAll(() => t.close());

const titles = (res: { body: { data: { title: string }[] } }) => res.body.data.map((h) => h.title);

describe('search', () => {
  beforeAll(async () => {
    const company = await manager.api.post('/api/v1/companies', { name: 'Glaserei Jürgens KG', phone: '+49 40 555 1234' });
    await manager.api.post('/api/v1/contacts', {
      firstName: 'Jürgen',
      lastName: 'Müller',
      email: 'j.mueller@glaserei.de',
      phone: '030 / 123 45-67',
      companyId: company.body.id,
    });
    const noted = await manager.api.post('/api/v1/contacts', { firstName: 'Petra', lastName: 'Fenstermann' });
    await manager.api.post('/api/v1/activities', {
      type: 'note',
      contactId: noted.body.id,
      body: 'Interessiert an Dreifachverglasung',
    });
    await other.api.post('/api/v1/contacts', { firstName: 'Jürgen', lastName: 'Geheimnis', phone: '030 1234567' });
  });

  it('finds by word prefixes, ignoring case and umlauts', async () => {
    expect(titles(await manager.api.get('/api/v1/search?q=jurg'))).toEqual(
      expect.arrayContaining(['Jürgen Müller', 'Glaserei Jürgens KG']),
    );
    expect(titles(await manager.api.get('/api/v1/search?q=MÜLL'))).toEqual(['Jürgen Müller']);
    expect(titles(await manager.api.get('/api/v1/search?q=jürgen müller'))).toEqual(['Jürgen Müller']);
    expect(titles(await manager.api.get('/api/v1/search?q=j.mueller@glaserei.de'))).toEqual(['Jürgen Müller']);
  });

  it('finds phone numbers in any notation', async () => {
    for (const q of ['+49 30 1234567', '0049301234567', '030-1234567', '(030) 123 4567']) {
      expect(titles(await manager.api.get(`/api/v1/search?q=${encodeURIComponent(q)}`)), q).toEqual(['Jürgen Müller']);
    }
    expect(titles(await manager.api.get('/api/v1/search?q=040%205551234'))).toEqual(['Glaserei Jürgens KG']);
  });

  it('finds a contact by the text of a note written on it', async () => {
    const res = await manager.api.get('/api/v1/search?q=dreifach');
    expect(res.body.data).toEqual([{ type: 'contact', id: expect.any(String), title: 'Petra Fenstermann', subtitle: null }]);
  });

  it('never shows what the caller may not see; admin sees all; type filters', async () => {
    expect(titles(await manager.api.get('/api/v1/search?q=geheimnis'))).toEqual([]);
    expect(titles(await admin.api.get('/api/v1/search?q=geheimnis'))).toEqual(['Jürgen Geheimnis']);
    const companiesOnly = await admin.api.get('/api/v1/search?q=jürgen&type=company');
    expect(companiesOnly.body.data.map((h: { type: string }) => h.type)).toEqual(['company']);
    expectProblem(await admin.api.get('/api/v1/search'), 400, 'validation_failed');
    expect((await admin.api.get(`/api/v1/search?q=${encodeURIComponent('"OR*) NEAR(')}`)).status).toBe(200);
  });

  it('list q uses the same index', async () => {
    const res = await manager.api.get('/api/v1/contacts?q=fenster');
    expect(res.body.data.map((c: { name: string }) => c.name)).toEqual(['Petra Fenstermann']);
  });
});

describe('duplicates and merge', () => {
  it('flags duplicates on create with reasons, and lists them', async () => {
    const company = (await manager.api.post('/api/v1/companies', { name: 'Dachdeckerei Roth' })).body;
    const first = (
      await manager.api.post('/api/v1/contacts', {
        firstName: 'Sabine',
        lastName: 'Roth',
        email: 'sabine@roth.de',
        phone: '0221 998877',
        companyId: company.id,
      })
    ).body;
    expect(first.possibleDuplicates).toEqual([]);
    const byEmail = (await manager.api.post('/api/v1/contacts', { firstName: 'S.', lastName: 'R.', email: 'SABINE@roth.de' }))
      .body;
    expect(byEmail.possibleDuplicates).toEqual([
      { id: first.id, title: 'Sabine Roth', subtitle: 'sabine@roth.de', reasons: ['email'] },
    ]);
    const byPhone = (await manager.api.post('/api/v1/contacts', { lastName: 'Anders', phone: '+49 221 99 88 77' })).body;
    expect(byPhone.possibleDuplicates.map((d: { reasons: string[] }) => d.reasons)).toEqual([['phone']]);
    const byName = (await manager.api.post('/api/v1/contacts', { firstName: 'Sabina', lastName: 'Roth', companyId: company.id }))
      .body;
    expect(byName.possibleDuplicates).toEqual([expect.objectContaining({ id: first.id, reasons: ['name'] })]);
    const notSameCompany = (await manager.api.post('/api/v1/contacts', { firstName: 'Sabine', lastName: 'Rothe' })).body;
    expect(notSameCompany.possibleDuplicates).toEqual([]);

    const listed = await manager.api.get(`/api/v1/contacts/${first.id}/duplicates`);
    expect(listed.body.data.map((d: { id: string }) => d.id).sort()).toEqual([byEmail.id, byPhone.id, byName.id].sort());
  });

  it('merge keeps every activity and the history, fills empty fields, and deletes the other', async () => {
    const keep = (await manager.api.post('/api/v1/contacts', { firstName: 'Karl', lastName: 'Keep', tags: ['A'] })).body;
    const gone = (
      await manager.api.post('/api/v1/contacts', {
        firstName: 'Karl',
        lastName: 'Keep',
        email: 'karl@keep.de',
        phone: '089 1111',
        tags: ['B', 'a'],
        externalId: 'ERP-77',
      })
    ).body;
    await manager.api.post('/api/v1/activities', { type: 'note', contactId: keep.id, body: 'Notiz am Behaltenen' });
    await manager.api.post('/api/v1/activities', { type: 'call', contactId: gone.id, body: 'Anruf am Duplikat' });
    await manager.api.patch(`/api/v1/contacts/${gone.id}`, { source: 'Messe' });

    const res = await manager.api.post(`/api/v1/contacts/${keep.id}/merge`, { otherId: gone.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: keep.id,
      email: 'karl@keep.de',
      phone: '089 1111',
      source: 'Messe',
      externalId: 'ERP-77',
      tags: ['A', 'B'],
    });
    expectProblem(await manager.api.get(`/api/v1/contacts/${gone.id}`), 404, 'not_found');
    const activities = await manager.api.get(`/api/v1/activities?contactId=${keep.id}`);
    expect(activities.body.data.map((a: { body: string }) => a.body).sort()).toEqual([
      'Anruf am Duplikat',
      'Notiz am Behaltenen',
    ]);
    const timeline = await manager.api.get(`/api/v1/contacts/${keep.id}/timeline`);
    const actions = timeline.body.data
      .filter((i: { kind: string }) => i.kind === 'change')
      .map((i: { action: string }) => i.action);
    expect(actions[0]).toBe('merged');
    expect(actions.filter((a: string) => a === 'created')).toHaveLength(2);
    expect(actions).toContain('updated');
    const search = await manager.api.get('/api/v1/search?q=089%201111');
    expect(search.body.data.map((h: { id: string }) => h.id)).toEqual([keep.id]);
  });

  it('refuses merging what the caller cannot see, and changes nothing', async () => {
    const mine = (await manager.api.post('/api/v1/contacts', { lastName: 'Meins' })).body;
    const theirs = (await other.api.post('/api/v1/contacts', { lastName: 'Deins' })).body;
    expectProblem(await manager.api.post(`/api/v1/contacts/${mine.id}/merge`, { otherId: theirs.id }), 404, 'not_found');
    expect((await other.api.get(`/api/v1/contacts/${theirs.id}`)).status).toBe(200);
    expectProblem(await manager.api.post(`/api/v1/contacts/${mine.id}/merge`, { otherId: mine.id }), 422, 'unprocessable');
  });

  it('merges companies with their contacts', async () => {
    const a = (await manager.api.post('/api/v1/companies', { name: 'Holzbau Berg' })).body;
    const b = (await manager.api.post('/api/v1/companies', { name: 'Holzbau Berg', website: 'https://holzbau-berg.de' })).body;
    const person = (await manager.api.post('/api/v1/contacts', { lastName: 'Zimmermann', companyId: b.id })).body;
    const dups = await manager.api.get(`/api/v1/companies/${a.id}/duplicates`);
    expect(dups.body.data).toEqual([expect.objectContaining({ id: b.id, reasons: ['name'] })]);
    const merged = await manager.api.post(`/api/v1/companies/${a.id}/merge`, { otherId: b.id });
    expect(merged.body.website).toBe('https://holzbau-berg.de');
    expect((await manager.api.get(`/api/v1/contacts/${person.id}`)).body.companyId).toBe(a.id);
    expectProblem(await manager.api.get(`/api/v1/companies/${b.id}`), 404, 'not_found');
  });
});

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

const owners = async (table: 'contacts' | 'companies', ids: string[]) =>
  (await t.database.db.selectFrom(table).select(['id', 'ownerId']).where('id', 'in', ids).execute()).map((r) => r.ownerId);

describe('owner changes', () => {
  it('transfers many contacts at once, records it on each timeline, and is all-or-nothing', async () => {
    const team = await createTeam(admin);
    const head = await createUser(t, admin, { role: 'head', teamId: team.id });
    await admin.api.patch(`/api/v1/teams/${team.id}`, { headId: head.user.id });
    const a = await createUser(t, admin, { teamId: team.id });
    const b = await createUser(t, admin, { teamId: team.id });
    const outsider = await createUser(t, admin);
    const ids = [];
    for (const lastName of ['Eins', 'Zwei', 'Drei']) ids.push((await a.api.post('/api/v1/contacts', { lastName })).body.id);
    const foreign = (await outsider.api.post('/api/v1/contacts', { lastName: 'Fremd' })).body.id;

    expectProblem(
      await head.api.post('/api/v1/ownership/transfer', { entity: 'contact', ids: [...ids, foreign], ownerId: b.user.id }),
      404,
      'not_found',
    );
    expect(await owners('contacts', ids)).toEqual([a.user.id, a.user.id, a.user.id]);
    expectProblem(
      await a.api.post('/api/v1/ownership/transfer', { entity: 'contact', ids, ownerId: b.user.id }),
      403,
      'forbidden',
    );
    expectProblem(
      await head.api.post('/api/v1/ownership/transfer', { entity: 'contact', ids, ownerId: outsider.user.id }),
      403,
      'forbidden',
    );

    const res = await head.api.post('/api/v1/ownership/transfer', { entity: 'contact', ids, ownerId: b.user.id });
    expect(res.body).toEqual({ updated: 3 });
    expect(await owners('contacts', ids)).toEqual([b.user.id, b.user.id, b.user.id]);
    const timeline = await b.api.get(`/api/v1/contacts/${ids[0]}/timeline`);
    expect(timeline.body.data[0]).toMatchObject({
      action: 'owner_changed',
      changes: [{ field: 'ownerId', from: a.user.id, to: b.user.id }],
    });
  });

  it('hands over everything of a leaving employee to a colleague', async () => {
    const leaving = await createUser(t, admin);
    const taking = await createUser(t, admin);
    const company = (await leaving.api.post('/api/v1/companies', { name: 'Abschied GmbH' })).body;
    const c1 = (await leaving.api.post('/api/v1/contacts', { lastName: 'Kunde1', companyId: company.id })).body;
    const c2 = (await leaving.api.post('/api/v1/contacts', { lastName: 'Kunde2' })).body;
    expectProblem(
      await taking.api.post(`/api/v1/users/${leaving.user.id}/handover`, { toUserId: taking.user.id }),
      403,
      'forbidden',
    );
    const res = await admin.api.post(`/api/v1/users/${leaving.user.id}/handover`, { toUserId: taking.user.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ contacts: 2, companies: 1 });
    await admin.api.patch(`/api/v1/users/${leaving.user.id}`, { active: false });
    const list = await taking.api.get('/api/v1/contacts');
    expect(list.body.data.map((c: { id: string }) => c.id).sort()).toEqual([c1.id, c2.id].sort());
    expect((await taking.api.get(`/api/v1/companies/${company.id}/timeline`)).body.data[0].action).toBe('owner_changed');
  });
});

describe('saved views', () => {
  it('are personal', async () => {
    const u1 = await createUser(t, admin);
    const u2 = await createUser(t, admin);
    const view = await u1.api.post('/api/v1/saved-views', {
      entity: 'contact',
      name: 'VIPs',
      query: { tag: 'VIP', sort: '-createdAt' },
    });
    expect(view.status).toBe(201);
    expect((await u1.api.get('/api/v1/saved-views?entity=contact')).body.data).toEqual([view.body]);
    expect((await u2.api.get('/api/v1/saved-views')).body.data).toEqual([]);
    expectProblem(await u2.api.delete(`/api/v1/saved-views/${view.body.id}`), 404, 'not_found');
    const renamed = await u1.api.patch(`/api/v1/saved-views/${view.body.id}`, { name: 'Top-Kunden' }, { 'if-match': '"1"' });
    expect(renamed.body).toMatchObject({ name: 'Top-Kunden', version: 2 });
    expect((await u1.api.delete(`/api/v1/saved-views/${view.body.id}`)).status).toBe(204);
  });
});

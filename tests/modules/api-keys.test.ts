import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api.ts';
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

const keyRow = (id: string) => t.database.db.selectFrom('apiKeys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('API keys', () => {
  it('shows the key once, stores only its hash, and the key authenticates as Bearer', async () => {
    const res = await admin.api.post('/api/v1/api-keys', { name: 'Webshop', role: 'manager' });
    expect(res.status).toBe(201);
    expect(res.body.key).toMatch(/^kontor_[a-z0-9]{52}$/);
    expect(res.body).toMatchObject({ name: 'Webshop', role: 'manager', userId: admin.user.id, revokedAt: null, version: 1 });
    const stored = await keyRow(res.body.id);
    expect(JSON.stringify(stored)).not.toContain(res.body.key);

    const listed = await admin.api.get('/api/v1/api-keys');
    expect(listed.body.data.find((k: { id: string }) => k.id === res.body.id)).not.toHaveProperty('key');

    const integrator = new Api(t.app, res.body.key);
    const me = await integrator.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(admin.user.id);
    expect((await keyRow(res.body.id)).lastUsedAt).not.toBeNull();
  });

  it('acts with its own role, never above it: a manager key cannot create users', async () => {
    const res = await admin.api.post('/api/v1/api-keys', { name: 'Limited', role: 'manager' });
    const integrator = new Api(t.app, res.body.key);
    const count = async () => (await t.database.db.selectFrom('users').selectAll().execute()).length;
    const before = await count();
    expectProblem(
      await integrator.post('/api/v1/users', {
        name: 'X',
        email: 'key-made@example.de',
        password: 'geheim-2026',
        role: 'manager',
      }),
      403,
      'forbidden',
    );
    expect(await count()).toBe(before);
    expectProblem(await integrator.post('/api/v1/api-keys', { name: 'Child', role: 'manager' }), 403, 'forbidden');
  });

  it('a user cannot create a key above their own role', async () => {
    const manager = await createUser(t, admin, { role: 'manager' });
    expectProblem(await manager.api.post('/api/v1/api-keys', { name: 'Sneaky', role: 'admin' }), 403, 'forbidden');
    const ok = await manager.api.post('/api/v1/api-keys', { name: 'Mine', role: 'specialist' });
    expect(ok.status).toBe(201);
  });

  it('a key stops working when revoked or when its creator is deactivated', async () => {
    const manager = await createUser(t, admin, { role: 'manager' });
    const a = await manager.api.post('/api/v1/api-keys', { name: 'A', role: 'manager' });
    const b = await manager.api.post('/api/v1/api-keys', { name: 'B', role: 'manager' });
    expect((await manager.api.delete(`/api/v1/api-keys/${a.body.id}`)).status).toBe(204);
    expectProblem(await new Api(t.app, a.body.key).get('/api/v1/auth/me'), 401, 'unauthorized');
    expect((await new Api(t.app, b.body.key).get('/api/v1/auth/me')).status).toBe(200);
    await admin.api.patch(`/api/v1/users/${manager.user.id}`, { active: false });
    expectProblem(await new Api(t.app, b.body.key).get('/api/v1/auth/me'), 401, 'unauthorized');
  });
});

describe('visibility of owned records (API keys)', () => {
  it('a manager sees and revokes only their own keys; a refused revoke changes nothing; a head sees the team’s', async () => {
    const team = await createTeam(admin, { name: 'Vertrieb Nord' });
    const head = await createUser(t, admin, { role: 'head', teamId: team.id });
    await admin.api.patch(`/api/v1/teams/${team.id}`, { headId: head.user.id });
    const anna = await createUser(t, admin, { role: 'manager', teamId: team.id });
    const ben = await createUser(t, admin, { role: 'manager', teamId: team.id });
    const outsider = await createUser(t, admin, { role: 'manager' });

    const annaKey = (await anna.api.post('/api/v1/api-keys', { name: 'Anna', role: 'manager' })).body;
    const benKey = (await ben.api.post('/api/v1/api-keys', { name: 'Ben', role: 'manager' })).body;
    const outsiderKey = (await outsider.api.post('/api/v1/api-keys', { name: 'Out', role: 'manager' })).body;

    const annaList = await anna.api.get('/api/v1/api-keys');
    expect(annaList.body.data.map((k: { id: string }) => k.id)).toEqual([annaKey.id]);
    expectProblem(await anna.api.get(`/api/v1/api-keys/${benKey.id}`), 404, 'not_found');

    const before = await keyRow(benKey.id);
    expectProblem(await anna.api.delete(`/api/v1/api-keys/${benKey.id}`), 404, 'not_found');
    expect(await keyRow(benKey.id)).toEqual(before);
    expect((await new Api(t.app, benKey.key).get('/api/v1/auth/me')).status).toBe(200);

    const headIds = (await head.api.get('/api/v1/api-keys?limit=200')).body.data.map((k: { id: string }) => k.id);
    expect(headIds).toEqual(expect.arrayContaining([annaKey.id, benKey.id]));
    expect(headIds).not.toContain(outsiderKey.id);
    expectProblem(await head.api.get(`/api/v1/api-keys/${outsiderKey.id}`), 404, 'not_found');

    const adminIds = (await admin.api.get('/api/v1/api-keys?limit=200')).body.data.map((k: { id: string }) => k.id);
    expect(adminIds).toEqual(expect.arrayContaining([annaKey.id, benKey.id, outsiderKey.id]));
  });
});

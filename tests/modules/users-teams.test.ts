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

async function userRow(id: string) {
  return t.database.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('users', () => {
  it('admin creates a manager in a team; the e-mail is unique', async () => {
    const team = await createTeam(admin, { name: 'Vertrieb' });
    const res = await admin.api.post('/api/v1/users', {
      name: 'Anna Schmidt',
      email: 'anna@example.de',
      password: 'geheim-2026',
      role: 'manager',
      teamId: team.id,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Anna Schmidt',
      role: 'manager',
      teamId: team.id,
      active: true,
      locale: 'de',
      version: 1,
    });
    expect(res.body).not.toHaveProperty('password');
    expect(res.body).not.toHaveProperty('passwordHash');
    expect(res.body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const dup = await admin.api.post('/api/v1/users', {
      name: 'A',
      email: 'ANNA@example.de',
      password: 'geheim-2026',
      role: 'manager',
    });
    expectProblem(dup, 409, 'conflict');
    expect(dup.body.errors[0].path).toBe('email');
  });

  it('refuses a team that does not exist with 422', async () => {
    const res = await admin.api.post('/api/v1/users', {
      name: 'A',
      email: 'ghost-team@example.de',
      password: 'geheim-2026',
      role: 'manager',
      teamId: 'nope',
    });
    expectProblem(res, 422, 'unprocessable');
    expect(res.body.errors[0].path).toBe('teamId');
  });

  it('a manager cannot create users or change anyone, and the refused write changed nothing', async () => {
    const manager = await createUser(t, admin, { role: 'manager' });
    const other = await createUser(t, admin, { role: 'manager' });
    const before = await userRow(other.user.id);
    const count = await t.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();

    expectProblem(
      await manager.api.post('/api/v1/users', { name: 'X', email: 'x@example.de', password: 'geheim-2026', role: 'admin' }),
      403,
      'forbidden',
    );
    expectProblem(
      await manager.api.patch(`/api/v1/users/${other.user.id}`, { name: 'Changed', active: false }),
      403,
      'forbidden',
    );
    expectProblem(await manager.api.patch(`/api/v1/users/${manager.user.id}`, { role: 'admin' }), 403, 'forbidden');

    expect(await userRow(other.user.id)).toEqual(before);
    expect((await userRow(manager.user.id)).role).toBe('manager');
    const after = await t.database.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(count.n);
  });

  it('PATCH with a stale If-Match answers 412 and writes nothing', async () => {
    const user = await createUser(t, admin, { name: 'Bernd Vogel' });
    const first = await admin.api.patch(`/api/v1/users/${user.user.id}`, { name: 'Bernd Vogel-Kraus' }, { 'if-match': '"1"' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await admin.api.patch(`/api/v1/users/${user.user.id}`, { name: 'Zu spät' }, { 'if-match': '"1"' });
    expectProblem(stale, 412, 'version_mismatch');
    expect((await userRow(user.user.id)).name).toBe('Bernd Vogel-Kraus');
    expectProblem(
      await admin.api.patch(`/api/v1/users/${user.user.id}`, { name: 'X' }, { 'if-match': 'banana' }),
      400,
      'validation_failed',
    );
  });

  it('keeps at least one active admin', async () => {
    const res = await admin.api.patch(`/api/v1/users/${admin.user.id}`, { role: 'manager' });
    expectProblem(res, 409, 'conflict');
    expectProblem(await admin.api.patch(`/api/v1/users/${admin.user.id}`, { active: false }), 409, 'conflict');
    expect((await userRow(admin.user.id)).role).toBe('admin');
  });

  it('lists with filters, search, sort and cursor pages; unknown sort or filter is a 400', async () => {
    for (const name of ['Zoe Ziegler', 'Carl Clausen', 'Doris Dorn', 'Emil Ebert']) {
      await createUser(t, admin, { name, role: 'specialist' });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/users?role=specialist&sort=-name&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await admin.api.get(url);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.data.map((u: { name: string }) => u.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Zoe Ziegler', 'Emil Ebert', 'Doris Dorn', 'Carl Clausen']);

    const search = await admin.api.get('/api/v1/users?q=dorn');
    expect(search.body.data.map((u: { name: string }) => u.name)).toEqual(['Doris Dorn']);

    const badSort = await admin.api.get('/api/v1/users?sort=passwordHash');
    expectProblem(badSort, 400, 'validation_failed');
    expect(badSort.body.errors[0].path).toBe('sort');
    expectProblem(await admin.api.get('/api/v1/users?passwordHash=x'), 400, 'validation_failed');
    expectProblem(await admin.api.get('/api/v1/users?limit=500'), 400, 'validation_failed');
    expectProblem(await admin.api.get('/api/v1/users?cursor=garbage'), 400, 'validation_failed');
  });

  it('unknown ids answer 404', async () => {
    expectProblem(await admin.api.get('/api/v1/users/does-not-exist'), 404, 'not_found');
    expectProblem(await admin.api.patch('/api/v1/users/does-not-exist', { name: 'X' }), 404, 'not_found');
  });
});

describe('teams', () => {
  it('admin creates a team with a head, renames it, and deleting it keeps its members', async () => {
    const head = await createUser(t, admin, { role: 'head' });
    const res = await admin.api.post('/api/v1/teams', { name: 'Montage', headId: head.user.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Montage', headId: head.user.id, memberCount: 0, version: 1 });
    const member = await createUser(t, admin, { teamId: res.body.id });

    expectProblem(await admin.api.post('/api/v1/teams', { name: 'montage' }), 409, 'conflict');
    expectProblem(await admin.api.post('/api/v1/teams', { name: 'Ghost', headId: 'nobody' }), 422, 'unprocessable');

    const renamed = await admin.api.patch(`/api/v1/teams/${res.body.id}`, { name: 'Montage Süd' }, { 'if-match': '"1"' });
    expect(renamed.body).toMatchObject({ name: 'Montage Süd', memberCount: 1, version: 2 });
    expectProblem(
      await admin.api.patch(`/api/v1/teams/${res.body.id}`, { name: 'X' }, { 'if-match': '"1"' }),
      412,
      'version_mismatch',
    );

    const manager = await createUser(t, admin);
    expectProblem(await manager.api.delete(`/api/v1/teams/${res.body.id}`), 403, 'forbidden');
    expect((await admin.api.get(`/api/v1/teams/${res.body.id}`)).status).toBe(200);

    expect((await admin.api.delete(`/api/v1/teams/${res.body.id}`)).status).toBe(204);
    expectProblem(await admin.api.get(`/api/v1/teams/${res.body.id}`), 404, 'not_found');
    expect((await userRow(member.user.id)).teamId).toBeNull();
  });

  it('everyone signed in can read teams; only admins write', async () => {
    const manager = await createUser(t, admin);
    expect((await manager.api.get('/api/v1/teams')).status).toBe(200);
    expectProblem(await manager.api.post('/api/v1/teams', { name: 'Mine' }), 403, 'forbidden');
    const list = await admin.api.get('/api/v1/teams?q=Mine');
    expect(list.body.data).toEqual([]);
  });
});

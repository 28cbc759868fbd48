import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createUser, login, PASSWORD, type Session, setupAdmin } from '../support/factories.ts';
import { expectProblem } from '../support/problem.ts';

let t: TestApp;
let api: Api;

beforeAll(async () => {
  t = await buildTestApp();
  api = new Api(t.app);
});
afterAll(() => t.close());

describe('first-run setup', () => {
  it('validates input with field errors and creates nothing', async () => {
    const res = await api.post('/api/v1/setup', { companyName: '', name: 'X', email: 'nope', password: 'short' });
    expectProblem(res, 400, 'validation_failed');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['companyName', 'email', 'password']));
    expect((await api.get('/api/v1/setup')).body).toEqual({ needed: true });
  });

  it('rejects unknown properties and prototype keys', async () => {
    const extra = await api.post('/api/v1/setup', {
      companyName: 'A',
      name: 'B',
      email: 'a@example.de',
      password: PASSWORD,
      role: 'admin',
    });
    expectProblem(extra, 400, 'validation_failed');
    expect(extra.body.errors).toContainEqual({ path: 'role', message: 'is not a known property' });
    const proto = await api.post(
      '/api/v1/setup',
      `{"companyName":"A","name":"B","email":"a@example.de","password":"${PASSWORD}","__proto__":{"x":1}}`,
    );
    expectProblem(proto, 400, 'bad_request');
    const ctor = await api.post('/api/v1/setup', '{"constructor":{"prototype":{"x":1}}}');
    expect(ctor.status).toBe(400);
    expect((await api.get('/api/v1/setup')).body).toEqual({ needed: true });
  });

  it('creates the first admin and the company, logs them in, and then refuses a second setup', async () => {
    const admin = await setupAdmin(t, { email: 'Admin@Example.de' });
    expect(admin.user).toMatchObject({ role: 'admin', email: 'admin@example.de', active: true, version: 1 });
    expect((await api.get('/api/v1/setup')).body).toEqual({ needed: false });
    const company = await admin.api.get('/api/v1/settings/company');
    expect(company.body.legalName).toBe('Fensterbau Müller GmbH');
    const again = await api.post('/api/v1/setup', { companyName: 'B', name: 'B', email: 'b@example.de', password: PASSWORD });
    expectProblem(again, 409, 'conflict');
  });
});

describe('login', () => {
  it('answers a token that works as Bearer, and the same problem for unknown e-mail and wrong password', async () => {
    const session = await login(t, 'ADMIN@example.de');
    const me = await session.api.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe('admin@example.de');

    const wrong = await api.post('/api/v1/auth/login', { email: 'admin@example.de', password: 'falsch-falsch' });
    const unknown = await api.post('/api/v1/auth/login', { email: 'nobody@example.de', password: 'falsch-falsch' });
    expectProblem(wrong, 401, 'invalid_credentials');
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('requires auth everywhere under /api/v1 except the public routes', async () => {
    expectProblem(await api.get('/api/v1/users'), 401, 'unauthorized');
    expectProblem(await api.get('/api/v1/auth/me', { authorization: 'Bearer garbage' }), 401, 'unauthorized');
    expectProblem(await api.get('/api/v1/auth/me', { authorization: 'Basic abc' }), 401, 'unauthorized');
    expect((await api.get('/api/health')).status).toBe(200);
  });

  it('refuses tokens with another algorithm or a forged signature', async () => {
    const session = await login(t, 'admin@example.de');
    const [, payload] = session.token.split('.');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    expectProblem(await api.get('/api/v1/auth/me', { authorization: `Bearer ${none}` }), 401, 'unauthorized');
    const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
    const forged = `${header}.${payload}.${createHmac('sha256', 'guess').update(`${header}.${payload}`).digest('base64url')}`;
    expectProblem(await api.get('/api/v1/auth/me', { authorization: `Bearer ${forged}` }), 401, 'unauthorized');
  });

  it('sets an httpOnly session cookie; cookie writes need the CSRF header', async () => {
    const res = await api.post('/api/v1/auth/login', { email: 'admin@example.de', password: PASSWORD });
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] as string[]);
    const session = setCookie.find((c) => c.startsWith('kontor_session='));
    const csrf = setCookie.find((c) => c.startsWith('kontor_csrf='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    const sessionValue = res.cookies.find((c) => c.name === 'kontor_session')?.value as string;
    const csrfValue = res.cookies.find((c) => c.name === 'kontor_csrf')?.value as string;
    const cookie = `kontor_session=${sessionValue}; kontor_csrf=${csrfValue}`;

    expect((await api.get('/api/v1/auth/me', { cookie })).status).toBe(200);
    const blocked = await api.patch('/api/v1/auth/me', { name: 'Hacked' }, { cookie });
    expectProblem(blocked, 403, 'csrf_failed');
    const wrongToken = await api.patch('/api/v1/auth/me', { name: 'Hacked' }, { cookie, 'x-csrf-token': 'x' });
    expectProblem(wrongToken, 403, 'csrf_failed');
    expect((await api.get('/api/v1/auth/me', { cookie })).body.name).toBe('Max Müller');
    const ok = await api.patch('/api/v1/auth/me', { name: 'Max M. Müller' }, { cookie, 'x-csrf-token': csrfValue });
    expect(ok.status).toBe(200);
    expect(ok.body.name).toBe('Max M. Müller');
  });

  it('logout revokes the token', async () => {
    const session = await login(t, 'admin@example.de');
    expect((await session.api.post('/api/v1/auth/logout')).status).toBe(204);
    expectProblem(await session.api.get('/api/v1/auth/me'), 401, 'unauthorized');
  });

  it('tokens expire with their session', async () => {
    const session = await login(t, 'admin@example.de');
    t.clock.advance(t.config.sessionHours * 3600 * 1000 + 1000);
    try {
      expectProblem(await session.api.get('/api/v1/auth/me'), 401, 'unauthorized');
    } finally {
      t.clock.set(new Date());
    }
  });
});

describe('profile and password', () => {
  let admin: Session;
  beforeAll(async () => {
    admin = await login(t, 'admin@example.de');
  });

  it('a user changes their name and language but never their role', async () => {
    const manager = await createUser(t, admin, { role: 'manager' });
    const lang = await manager.api.patch('/api/v1/auth/me', { locale: 'en' });
    expect(lang.body.locale).toBe('en');
    const escalate = await manager.api.patch('/api/v1/auth/me', { role: 'admin' });
    expectProblem(escalate, 400, 'validation_failed');
    const me = await manager.api.get('/api/v1/auth/me');
    expect(me.body.role).toBe('manager');
    expect(me.body.version).toBe(lang.body.version);
  });

  it('changing the password ends every session and issues a new one', async () => {
    const user = await createUser(t, admin, { role: 'manager' });
    const other = await login(t, user.user.email);
    const wrong = await user.api.post('/api/v1/auth/password', { currentPassword: 'nope-nope', newPassword: 'ganz-neu-2026' });
    expectProblem(wrong, 400, 'validation_failed');
    expect(wrong.body.errors[0].path).toBe('currentPassword');

    const res = await user.api.post('/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'ganz-neu-2026' });
    expect(res.status).toBe(200);
    expectProblem(await user.api.get('/api/v1/auth/me'), 401, 'unauthorized');
    expectProblem(await other.api.get('/api/v1/auth/me'), 401, 'unauthorized');
    expect((await api.as(res.body.token).get('/api/v1/auth/me')).status).toBe(200);
    expect((await api.post('/api/v1/auth/login', { email: user.user.email, password: PASSWORD })).status).toBe(401);
    expect((await api.post('/api/v1/auth/login', { email: user.user.email, password: 'ganz-neu-2026' })).status).toBe(200);
  });

  it('a deactivated user cannot log in, their tokens stop working, and they stay in the directory', async () => {
    const user = await createUser(t, admin, { role: 'manager' });
    const off = await admin.api.patch(`/api/v1/users/${user.user.id}`, { active: false });
    expect(off.body.active).toBe(false);
    expectProblem(await user.api.get('/api/v1/auth/me'), 401, 'unauthorized');
    expectProblem(
      await api.post('/api/v1/auth/login', { email: user.user.email, password: PASSWORD }),
      401,
      'invalid_credentials',
    );
    expect((await admin.api.get(`/api/v1/users/${user.user.id}`)).body.active).toBe(false);
  });
});

describe('login rate limit', () => {
  it('answers 429 problem+json after too many attempts', async () => {
    const limited = await buildTestApp({ env: { KONTOR_LOGIN_LIMIT_PER_MINUTE: '3' } });
    try {
      const client = new Api(limited.app);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await client.post('/api/v1/auth/login', { email: 'x@example.de', password: 'wrong-wrong' })).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const res = await client.post('/api/v1/auth/login', { email: 'x@example.de', password: 'wrong-wrong' });
      expectProblem(res, 429, 'rate_limited');
      // only failures count: everyone in the office logs in from the same address
      const admin = await setupAdmin(limited);
      for (let i = 0; i < 4; i++) {
        const email = `kollege${i}@example.de`;
        await createUser(limited, admin, { email, name: `Kollege ${i}` });
        expect((await client.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(200);
      }
      expect((await client.post('/api/v1/auth/login', { email: 'kollege0@example.de', password: PASSWORD })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

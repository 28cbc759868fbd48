import { expect } from 'vitest';
import { Api } from './api.ts';
import type { TestApp } from './app.ts';

export const PASSWORD = 'richtig-geheim-42';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface Session {
  api: Api;
  token: string;
  user: { id: string; email: string; role: string; teamId: string | null; name: string };
}

/** Runs first-run setup and returns the admin's session. */
export async function setupAdmin(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Session> {
  const api = new Api(t.app);
  const res = await api.post('/api/v1/setup', {
    companyName: 'Fensterbau Müller GmbH',
    name: 'Max Müller',
    email: 'admin@example.de',
    password: PASSWORD,
    ...overrides,
  });
  expect(res.status, res.text).toBe(201);
  return { api: api.as(res.body.token), token: res.body.token, user: res.body.user };
}

export async function login(t: TestApp, email: string, password = PASSWORD): Promise<Session> {
  const api = new Api(t.app);
  const res = await api.post('/api/v1/auth/login', { email, password });
  expect(res.status, res.text).toBe(200);
  return { api: api.as(res.body.token), token: res.body.token, user: res.body.user };
}

export async function createTeam(admin: Session, overrides: Record<string, unknown> = {}) {
  const res = await admin.api.post('/api/v1/teams', { name: `Team ${unique()}`, ...overrides });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; name: string; headId: string | null; version: number };
}

/** Creates a user through the API (as admin) and logs them in. */
export async function createUser(t: TestApp, admin: Session, overrides: Record<string, unknown> = {}): Promise<Session> {
  const email = (overrides.email as string) ?? `user-${unique()}@example.de`;
  const res = await admin.api.post('/api/v1/users', {
    name: `User ${unique()}`,
    email,
    password: PASSWORD,
    role: 'manager',
    ...overrides,
  });
  expect(res.status, res.text).toBe(201);
  return login(t, email);
}

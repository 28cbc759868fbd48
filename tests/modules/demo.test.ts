import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/modules/auth/passwords.ts';
import { DEMO_USERS, seedDemo } from '../../server/modules/demo/demo.service.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { login, PASSWORD, setupAdmin } from '../support/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('demo data', () => {
  it('setup with demoData fills a German sample company whose users log in with the admin’s password', async () => {
    const admin = await setupAdmin(t, { demoData: true });
    const users = await admin.api.get('/api/v1/users?limit=200');
    expect(users.body.data).toHaveLength(DEMO_USERS.length + 1);
    const teams = (await admin.api.get('/api/v1/teams')).body.data;
    expect(teams.map((team: { name: string }) => team.name)).toEqual(['Außendienst', 'Vertrieb']);
    const sales = teams.find((team: { name: string }) => team.name === 'Vertrieb');
    const head = users.body.data.find((u: { role: string }) => u.role === 'head');
    expect(sales.headId).toBe(head.id);
    expect(sales.memberCount).toBe(4);

    const session = await login(t, head.email, PASSWORD);
    expect(session.user.role).toBe('head');
    expect((await admin.api.get('/api/v1/contacts?limit=200')).body.data).toHaveLength(6);
    expect((await admin.api.get('/api/v1/companies')).body.data).toHaveLength(3);
    const deals = (await admin.api.get('/api/v1/deals?limit=200')).body.data;
    expect(deals.map((d: { status: string }) => d.status).sort()).toEqual(['lost', 'open', 'open', 'open', 'open', 'won']);
    expect(deals.find((d: { title: string }) => d.title === 'Fenster Einfamilienhaus Schmidt')).toMatchObject({
      amountCents: 172700,
      grossCents: 205513,
    });
    const teamView = (await session.api.get('/api/v1/deals?limit=200')).body.data;
    expect(teamView.length).toBe(6);
    expect((await session.api.get('/api/v1/tasks?status=open')).body.data).toHaveLength(4);
    expect((await admin.api.get('/api/v1/search?q=krüger')).body.data.length).toBeGreaterThan(0);
  });

  it('running it again adds nothing twice', async () => {
    const ctx = t.app.ctx;
    const again = await seedDemo(ctx, { passwordHash: await hashPassword('x-x-x-x-x'), adminId: 'x' });
    expect(again).toEqual({ users: 0, teams: 0, contacts: 0, companies: 0, deals: 0 });
  });
});

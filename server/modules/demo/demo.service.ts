import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { Role } from '../../db/schema.ts';
import { findTeamByName, insertTeam } from '../teams/teams.repository.ts';
import { findUserByEmail, insertUser } from '../users/users.repository.ts';
import { seedDemoRecords } from './demo-records.ts';

interface DemoUser {
  name: string;
  email: string;
  role: Role;
  team: string;
}

export const DEMO_DOMAIN = 'demo.kontor.example';

const TEAMS = ['Vertrieb', 'Außendienst'];

export const DEMO_USERS: DemoUser[] = [
  { name: 'Sabine Hoffmann', email: `sabine.hoffmann@${DEMO_DOMAIN}`, role: 'head', team: 'Vertrieb' },
  { name: 'Thomas Becker', email: `thomas.becker@${DEMO_DOMAIN}`, role: 'manager', team: 'Vertrieb' },
  { name: 'Julia Wagner', email: `julia.wagner@${DEMO_DOMAIN}`, role: 'manager', team: 'Vertrieb' },
  { name: 'Petra Neumann', email: `petra.neumann@${DEMO_DOMAIN}`, role: 'manager', team: 'Vertrieb' },
  { name: 'Markus Schulz', email: `markus.schulz@${DEMO_DOMAIN}`, role: 'specialist', team: 'Außendienst' },
  { name: 'Stefan Koch', email: `stefan.koch@${DEMO_DOMAIN}`, role: 'specialist', team: 'Außendienst' },
];

/**
 * Fills an instance with a German sample company so a newcomer sees a living CRM.
 * Demo users get the password hash passed in (the admin's own, at setup), so no
 * well-known default password ever exists. Running it twice adds nothing twice.
 */
export async function seedDemo(
  ctx: Ctx,
  opts: { passwordHash: string; adminId: string },
): Promise<{ users: number; teams: number; contacts: number; companies: number; deals: number }> {
  const now = ctx.clock.now().toISOString();
  let users = 0;
  let teams = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const teamIds = new Map<string, string>();
    for (const name of TEAMS) {
      const existing = await findTeamByName(trx, name);
      if (existing) {
        teamIds.set(name, existing.id);
        continue;
      }
      const id = newId();
      await insertTeam(trx, { id, name, headId: null, createdAt: now, updatedAt: now, version: 1 });
      teamIds.set(name, id);
      teams++;
    }
    for (const user of DEMO_USERS) {
      if (await findUserByEmail(trx, user.email)) continue;
      const row = await insertUser(trx, {
        id: newId(),
        email: user.email,
        name: user.name,
        passwordHash: opts.passwordHash,
        role: user.role,
        teamId: teamIds.get(user.team) ?? null,
        active: 1,
        locale: 'de',
        lastLoginAt: null,
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      users++;
      if (user.role === 'head') {
        await trx
          .updateTable('teams')
          .set({ headId: row.id })
          .where('id', '=', teamIds.get(user.team) as string)
          .execute();
      }
    }
  });
  const staff = await ctx.db
    .selectFrom('users')
    .select(['id', 'role', 'teamId'])
    .where('email', 'like', `%@${DEMO_DOMAIN}`)
    .execute();
  const records = await seedDemoRecords(ctx, staff);
  ctx.log.info({ users, teams, ...records }, 'demo data added');
  return { users, teams, ...records };
}

// npm run demo [-- --password <password for the demo users>]
// Adds the German sample company to an existing instance (run setup first).
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../server/modules/auth/passwords.ts';
import { DEMO_USERS, seedDemo } from '../server/modules/demo/demo.service.ts';
import { fail, flags, openInstance } from './cli.ts';

const opts = flags(process.argv.slice(2));
const { ctx, database } = await openInstance();
try {
  const admin = await ctx.db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!admin) fail('no administrator yet: open Kontor in the browser and complete the setup first');
  const password = typeof opts.password === 'string' ? opts.password : randomBytes(9).toString('base64url');
  if (password.length < 8) fail('--password must have at least 8 characters');
  const result = await seedDemo(ctx, { passwordHash: await hashPassword(password), adminId: admin.id });
  console.log(
    `Demo data added: ${result.users} users, ${result.teams} teams, ${result.companies} companies, ${result.contacts} contacts, ${result.deals} deals.`,
  );
  if (result.users > 0) {
    console.log(`Demo users (password: ${password}):`);
    for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(10)} ${u.email}`);
  }
} finally {
  await database.close();
}

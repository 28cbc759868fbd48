// npm run create-admin -- --email a@b.de --name "Max Müller" [--password-file FILE]
// The password: --password-file, else $KONTOR_ADMIN_PASSWORD, else asked twice (hidden). --password … works but shows in `ps`.
import { isoNow } from '../server/core/clock.ts';
import { newId } from '../server/core/ids.ts';
import { hashPassword, PASSWORD_MIN } from '../server/modules/auth/passwords.ts';
import { ensureSalesDefaults } from '../server/modules/pipelines/default-pipeline.ts';
import { findUserByEmail, insertUser, updateUser } from '../server/modules/users/users.repository.ts';
import { fail, flags, openInstance } from './cli.ts';
import { newPassword } from './ops/common.ts';

const opts = flags(process.argv.slice(2));
const email = typeof opts.email === 'string' ? opts.email.trim().toLowerCase() : fail('--email is required');
if (!/^[^\s@]+@[^\s@]+$/.test(email)) fail('--email is not an e-mail address');
let password: string;
try {
  password =
    typeof opts.password === 'string'
      ? opts.password
      : await newPassword({
          file: typeof opts['password-file'] === 'string' ? opts['password-file'] : undefined,
          envVar: 'KONTOR_ADMIN_PASSWORD',
          min: PASSWORD_MIN,
        });
} catch (err) {
  fail((err as Error).message);
}
if (password.length < PASSWORD_MIN) fail(`the password needs at least ${PASSWORD_MIN} characters`);

const { ctx, database } = await openInstance();
try {
  const now = isoNow(ctx.clock);
  const passwordHash = await hashPassword(password);
  await ensureSalesDefaults(ctx.db, now);
  const existing = await findUserByEmail(ctx.db, email);
  if (existing) {
    await updateUser(ctx.db, existing.id, { role: 'admin', active: 1, passwordHash, passwordChangedAt: now }, now);
    console.log(`${email} is now an active administrator with the new password.`);
  } else {
    await insertUser(ctx.db, {
      id: newId(),
      email,
      name: typeof opts.name === 'string' ? opts.name : email,
      passwordHash,
      role: 'admin',
      teamId: null,
      active: 1,
      locale: 'de',
      lastLoginAt: null,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    console.log(`Administrator ${email} created.`);
  }
} finally {
  await database.close();
}

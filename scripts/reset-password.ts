// npm run reset-password -- --email a@b.de [--password-file FILE]   (else $KONTOR_PASSWORD, else asked twice, hidden)
// Sets a user's password and ends their sessions; role and active state stay as they are.
import { parseArgs } from 'node:util';
import { isoNow } from '../server/core/clock.ts';
import { hashPassword, PASSWORD_MIN } from '../server/modules/auth/passwords.ts';
import { revokeUserSessions } from '../server/modules/auth/sessions.repository.ts';
import { findUserByEmail, updateUser } from '../server/modules/users/users.repository.ts';
import { fail, openInstance } from './cli.ts';
import { newPassword } from './ops/common.ts';

let values: { email?: string; 'password-file'?: string };
try {
  ({ values } = parseArgs({ options: { email: { type: 'string' }, 'password-file': { type: 'string' } } }));
} catch (err) {
  fail(`${(err as Error).message}; usage: npm run reset-password -- --email ADDRESS [--password-file FILE]`);
}
const email = values.email?.trim().toLowerCase() || fail('--email is required');
let password: string;
try {
  password = await newPassword({ file: values['password-file'], envVar: 'KONTOR_PASSWORD', min: PASSWORD_MIN });
} catch (err) {
  fail((err as Error).message);
}

const { ctx, database } = await openInstance();
try {
  const user = await findUserByEmail(ctx.db, email);
  if (!user) fail(`there is no user with the e-mail ${email}`);
  const now = isoNow(ctx.clock);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, { passwordHash, passwordChangedAt: now }, now);
    await revokeUserSessions(trx, user.id, now);
  });
  console.log(`New password set for ${email}${user.active ? '' : ' (the account is deactivated)'}; their sessions have ended.`);
} finally {
  await database.close();
}

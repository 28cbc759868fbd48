import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { UserRow } from '../../db/schema.ts';
import { conflict } from '../../http/errors.ts';
import { issueSession, type SignToken } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/passwords.ts';
import { seedDemo } from '../demo/demo.service.ts';
import { ensureDefaultTemplates } from '../documents/document-templates.ts';
import { ensureSalesDefaults } from '../pipelines/default-pipeline.ts';
import { saveCompanySettings } from '../settings/company.service.ts';
import { countUsers, insertUser } from '../users/users.repository.ts';
import type { Setup } from './setup.schemas.ts';

export async function setupNeeded(ctx: Ctx): Promise<boolean> {
  return (await countUsers(ctx.db)) === 0;
}

/**
 * First-run setup: the company's name and the first administrator, only while no user exists.
 * The check and the insert share one transaction, so two racing requests cannot both succeed.
 */
export async function runSetup(ctx: Ctx, sign: SignToken, input: Setup, meta: { ip: string; userAgent?: string }) {
  if (!(await setupNeeded(ctx))) throw conflict('Kontor is already set up');
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now().toISOString();
  const admin = await ctx.db.transaction().execute(async (trx): Promise<UserRow> => {
    if ((await countUsers(trx)) > 0) throw conflict('Kontor is already set up');
    await saveCompanySettings(trx, { legalName: input.companyName.trim() }, now);
    await ensureSalesDefaults(trx, now);
    await ensureDefaultTemplates(trx, now);
    return insertUser(trx, {
      id: newId(),
      email: input.email.trim().toLowerCase(),
      name: input.name.trim(),
      passwordHash,
      role: 'admin',
      teamId: null,
      active: 1,
      locale: input.locale ?? 'de',
      lastLoginAt: now,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    });
  });
  ctx.log.info({ userId: admin.id }, 'setup completed');
  if (input.demoData) await seedDemo(ctx, { passwordHash, adminId: admin.id });
  return issueSession(ctx, sign, admin, { ip: meta.ip, userAgent: meta.userAgent });
}

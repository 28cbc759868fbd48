import { assertCanAssignOwner, assertOwnerSide } from '../../core/access.ts';
import type { Actor } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { teamsOf } from '../../core/scope.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { visibleCompanies } from '../companies/companies.repository.ts';
import { visibleContacts } from '../contacts/contacts.repository.ts';
import { visibleDeals } from '../deals/deals.repository.ts';
import { recordChange } from '../timeline/changes.repository.ts';
import { findUserById } from '../users/users.repository.ts';
import * as repo from './ownership.repository.ts';
import type { HandoverResult, Transfer } from './ownership.schemas.ts';

async function visibleIds(ctx: Ctx, actor: Actor, entity: Transfer['entity'], ids: string[]): Promise<Set<string>> {
  const rows =
    entity === 'contact'
      ? await visibleContacts(ctx.db, actor).where('contacts.id', 'in', ids).execute()
      : entity === 'deal'
        ? await visibleDeals(ctx.db, actor).where('deals.id', 'in', ids).execute()
        : await visibleCompanies(ctx.db, actor).select('companies.id').where('companies.id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Gives records to another owner, all or nothing, each change recorded in the record's timeline. */
export async function transferOwnership(ctx: Ctx, actor: Actor, input: Transfer): Promise<{ updated: number }> {
  await assertCanAssignOwner(ctx.db, actor, input.ownerId);
  const visible = await visibleIds(ctx, actor, input.entity, input.ids);
  const missing = input.ids.filter((id) => !visible.has(id));
  if (missing.length > 0) {
    throw new AppError(
      'not_found',
      `${missing.length} of the records were not found`,
      missing.slice(0, 20).map((id) => ({ path: 'ids', message: `${id} not found` })),
    );
  }
  const table = { contact: 'contacts', company: 'companies', deal: 'deals' }[input.entity];
  for (const owner of new Set((await repo.ownerOf(ctx.db, table, input.ids)).values()))
    await assertOwnerSide(ctx.db, actor, owner, 'reassign');
  const now = isoNow(ctx.clock);
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const before = await repo.ownerOf(trx, table, input.ids);
    const count = await repo.reassign(trx, { table, column: 'owner_id' }, input.ids, input.ownerId, now);
    for (const id of input.ids) {
      if (before.get(id) === input.ownerId) continue;
      await recordChange(trx, {
        entityType: input.entity,
        entityId: id,
        userId: actor.userId,
        action: 'owner_changed',
        changes: [{ field: 'ownerId', from: before.get(id) ?? null, to: input.ownerId }],
        at: now,
      });
    }
    return count;
  });
  return { updated };
}

/**
 * When an employee leaves: hands over everything they own (contacts, companies, deals) and their open
 * tasks to a colleague in one transaction. Admins for anyone; a head within their team.
 */
export async function handover(ctx: Ctx, actor: Actor, fromUserId: string, toUserId: string): Promise<HandoverResult> {
  if (actor.role !== 'admin' && actor.role !== 'head')
    throw forbidden('Only an administrator or a head of department can hand over work');
  const from = await findUserById(ctx.db, fromUserId);
  if (!from) throw notFound('User');
  if (actor.role === 'head' && !(from.teamId && teamsOf(actor).includes(from.teamId)))
    throw forbidden('You can hand over only your team’s work');
  if (fromUserId === toUserId)
    throw new AppError('unprocessable', 'Choose another user', [{ path: 'toUserId', message: 'same user' }]);
  await assertCanAssignOwner(ctx.db, actor, toUserId, 'toUserId');
  const now = isoNow(ctx.clock);
  const result: HandoverResult = { contacts: 0, companies: 0, deals: 0, tasks: 0 };
  await ctx.db.transaction().execute(async (trx) => {
    for (const owned of repo.OWNED_TABLES) {
      const ids = await repo.idsOwnedBy(trx, owned, fromUserId);
      result[owned.key] = await repo.reassign(trx, owned, ids, toUserId, now);
      for (const id of ids) {
        await recordChange(trx, {
          entityType: owned.entity,
          entityId: id,
          userId: actor.userId,
          action: 'owner_changed',
          changes: [{ field: owned.column === 'owner_id' ? 'ownerId' : 'assigneeId', from: fromUserId, to: toUserId }],
          at: now,
        });
      }
    }
  });
  ctx.log.info({ from: fromUserId, to: toUserId, by: actor.userId, ...result }, 'work handed over');
  return result;
}

import type { Actor } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError, forbidden, invalid } from '../../http/errors.ts';
import { type ItemListSpec, listItems } from '../../http/list.ts';
import { businessHours } from '../settings/work-settings.ts';
import { localDate } from './period.ts';
import * as repo from './targets.repository.ts';
import type { PutTargets, Target } from './targets.schemas.ts';

/** The targets the caller may see, of the months from … to (default: this year). */
/** Targets as a list: by month and user name (or by user name, amount); one page holds 200. */
export const TARGET_LIST: ItemListSpec<Target> = {
  defaultSort: 'month',
  defaultLimit: 200,
  idOf: (t) => `${t.month}|${t.userId}`,
  sortable: {
    month: (t) => `${t.month}\u0001${t.userName}`,
    userName: (t) => t.userName.toLocaleLowerCase(),
    amountCents: (t) => t.amountCents,
  },
  filters: {},
};

export async function listTargets(
  ctx: Ctx,
  actor: Actor,
  query: { from?: string; to?: string; teamId?: string; userId?: string; limit?: number; cursor?: string; sort?: string },
): Promise<{ data: Target[]; nextCursor: string | null }> {
  const year = localDate(ctx.clock.now(), (await businessHours(ctx.db)).timeZone).slice(0, 4);
  const from = query.from ?? `${year}-01`;
  const to = query.to ?? `${year}-12`;
  if (from > to) throw invalid('from', 'must not be after to');
  const rows = await repo.listTargets(ctx.db, actor, { teamId: query.teamId, userId: query.userId }, { from, to });
  const page = listItems(rows, TARGET_LIST, query);
  return { data: page.rows, nextCursor: page.nextCursor };
}

/**
 * Sets or removes targets (admin: anyone; head: their team and themself). Every user is checked
 * before anything is written, so a refused request changes nothing.
 */
export async function putTargets(ctx: Ctx, actor: Actor, input: PutTargets): Promise<{ data: Target[] }> {
  if (actor.role !== 'admin' && actor.role !== 'head') throw forbidden('Only administrators and heads set targets');
  const ids = [...new Set(input.targets.map((t) => t.userId))];
  const allowed = await repo.settableUsers(ctx.db, actor, ids);
  const refused = input.targets.findIndex((t) => !allowed.has(t.userId));
  if (refused >= 0) {
    throw new AppError('forbidden', 'You cannot set targets for this user', [
      { path: `targets.${refused}.userId`, message: 'not your team' },
    ]);
  }
  const now = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    for (const t of input.targets) {
      if (t.amountCents === null) await repo.deleteTarget(trx, t.userId, t.month);
      else await repo.upsertTarget(trx, { userId: t.userId, month: t.month, amountCents: t.amountCents }, now);
    }
  });
  const months = input.targets.map((t) => t.month).sort();
  const rows = await repo.listTargets(ctx.db, actor, {}, { from: months[0] as string, to: months.at(-1) as string });
  const touched = new Set(input.targets.map((t) => `${t.userId}|${t.month}`));
  return { data: rows.filter((r) => touched.has(`${r.userId}|${r.month}`)) };
}

import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Ctx } from './context.ts';

export type AfterCommit = (fn: () => void) => void;

/**
 * Runs `work` in one short transaction and, only once it committed, the side effects it registered
 * with `after` (events, waking the mail sender): nothing outside the database sees a rolled-back change.
 */
export async function inTransaction<T>(
  ctx: Pick<Ctx, 'db' | 'log'>,
  work: (trx: Transaction<DB>, after: AfterCommit) => Promise<T>,
): Promise<T> {
  const effects: (() => void)[] = [];
  const result = await ctx.db.transaction().execute((trx) => work(trx, (fn) => effects.push(fn)));
  for (const fn of effects) {
    try {
      fn();
    } catch (err) {
      ctx.log.error({ err }, 'after-commit effect failed');
    }
  }
  return result;
}

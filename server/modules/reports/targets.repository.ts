import { type Kysely, sql, type Transaction } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { DB } from '../../db/schema.ts';
import { countedOwner, type PeopleFilter } from './scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface TargetRow {
  userId: string;
  userName: string;
  month: string;
  amountCents: number;
}

/** Targets of the months from … to (YYYY-MM, inclusive) of users whose figures the caller may see. */
export function listTargets(db: Db, actor: Actor, people: PeopleFilter, months: { from: string; to: string }) {
  return db
    .selectFrom('salesTargets')
    .innerJoin('users', 'users.id', 'salesTargets.userId')
    .select(['salesTargets.userId', 'users.name as userName', 'salesTargets.month', 'salesTargets.amountCents'])
    .where('salesTargets.month', '>=', months.from)
    .where('salesTargets.month', '<=', months.to)
    .where(countedOwner(actor, 'salesTargets.userId', people))
    .orderBy('salesTargets.month')
    .orderBy('users.name')
    .execute() as Promise<TargetRow[]>;
}

export async function upsertTarget(db: Db, row: { userId: string; month: string; amountCents: number }, now: string) {
  await db
    .insertInto('salesTargets')
    .values({ ...row, createdAt: now, updatedAt: now, version: 1 })
    .onConflict((oc) =>
      oc.columns(['userId', 'month']).doUpdateSet({
        amountCents: row.amountCents,
        updatedAt: now,
        version: sql`sales_targets.version + 1` as unknown as number,
      }),
    )
    .execute();
}

export async function deleteTarget(db: Db, userId: string, month: string): Promise<void> {
  await db.deleteFrom('salesTargets').where('userId', '=', userId).where('month', '=', month).execute();
}

/** The users among `ids` whose targets the caller may set (visibility of the user as owner). */
export async function settableUsers(db: Db, actor: Actor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', ids)
    .where(countedOwner(actor, 'users.id', {}))
    .execute();
  return new Set(rows.map((r) => r.id));
}

import { type Kysely, sql, type Transaction } from 'kysely';
import { newId } from '../../core/ids.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const WEEKLY_KIND = 'reports.weekly';
export const WEEKLY_PREFIX = 'reports:weekly:';

/** How the scheduler left a week's slot, if it has one. */
export async function slotStatus(db: Db, slotKey: string) {
  const row = await db.selectFrom('scheduledJobs').select(['status', 'dueAt']).where('slotKey', '=', slotKey).executeTakeFirst();
  return row ?? null;
}

/**
 * Puts a week's summary at `dueAt`: a new slot, or a pending or canceled one moved there (the settings
 * changed). A slot that already ran (done or failed) is never reopened: one summary per week.
 */
export async function placeSlot(db: Db, slotKey: string, dueAt: string, now: string): Promise<void> {
  await db
    .insertInto('scheduledJobs')
    .values({
      id: newId(),
      kind: WEEKLY_KIND,
      slotKey,
      dueAt,
      payload: '{}',
      status: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: now,
      doneAt: null,
    })
    .onConflict((oc) =>
      oc
        .column('slotKey')
        .doUpdateSet({ dueAt, status: 'pending', attempts: 0, lastError: null, doneAt: null })
        .where(sql<boolean>`scheduled_jobs.status IN ('pending', 'canceled')`),
    )
    .execute();
}

/** Cancels every pending weekly summary except the slot `keep`. */
export async function cancelOtherSlots(db: Db, keep: string | null, now: string): Promise<void> {
  let q = db
    .updateTable('scheduledJobs')
    .set({ status: 'canceled', doneAt: now })
    .where('kind', '=', WEEKLY_KIND)
    .where('status', '=', 'pending');
  if (keep) q = q.where('slotKey', '!=', keep);
  await q.execute();
}

/** When the next summary is due (the earliest pending slot), or null. */
export async function pendingWeeklyDue(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('scheduledJobs')
    .select('dueAt')
    .where('kind', '=', WEEKLY_KIND)
    .where('status', '=', 'pending')
    .orderBy('dueAt')
    .executeTakeFirst();
  return row?.dueAt ?? null;
}

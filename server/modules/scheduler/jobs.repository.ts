import { type Kysely, sql, type Transaction } from 'kysely';
import { newId } from '../../core/ids.ts';
import type { DB, ScheduledJobRow } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface JobSpec {
  kind: string;
  /** Unique per slot, e.g. task:<id>:escalate:<dueAt>: the same slot is never scheduled or fired twice. */
  slotKey: string;
  dueAt: string;
  payload?: Record<string, unknown>;
}

/** Schedules a job; scheduling the same slot again is a no-op. */
export async function scheduleJob(db: Db, job: JobSpec, now: string): Promise<void> {
  await db
    .insertInto('scheduledJobs')
    .values({
      id: newId(),
      kind: job.kind,
      slotKey: job.slotKey,
      dueAt: job.dueAt,
      payload: JSON.stringify(job.payload ?? {}),
      status: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: now,
      doneAt: null,
    })
    .onConflict((oc) => oc.column('slotKey').doNothing())
    .execute();
}

/** Cancels the pending jobs whose slot starts with a prefix (e.g. all of one task). */
export async function cancelJobs(db: Db, slotPrefix: string, now: string): Promise<void> {
  await db
    .updateTable('scheduledJobs')
    .set({ status: 'canceled', doneAt: now })
    .where('status', '=', 'pending')
    .where(sql<boolean>`substr(slot_key, 1, ${slotPrefix.length}) = ${slotPrefix}`)
    .execute();
}

export function dueJobs(db: Db, now: string, limit: number): Promise<ScheduledJobRow[]> {
  return db
    .selectFrom('scheduledJobs')
    .selectAll()
    .where('status', '=', 'pending')
    .where('dueAt', '<=', now)
    .orderBy('dueAt')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function pendingBySlot(db: Db, slotKey: string): Promise<Pick<ScheduledJobRow, 'id'> | undefined> {
  return db
    .selectFrom('scheduledJobs')
    .select('id')
    .where('slotKey', '=', slotKey)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** Re-reads a job inside the transaction that will run it: only a still pending job runs. */
export function lockPending(db: Db, id: string): Promise<ScheduledJobRow | undefined> {
  return db.selectFrom('scheduledJobs').selectAll().where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
}

export async function markDone(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('scheduledJobs')
    .set({ status: 'done', doneAt: now, attempts: sql`attempts + 1` as unknown as number })
    .where('id', '=', id)
    .execute();
}

export async function markFailedAttempt(
  db: Db,
  job: ScheduledJobRow,
  error: string,
  retryAt: string,
  final: boolean,
): Promise<void> {
  await db
    .updateTable('scheduledJobs')
    .set({
      status: final ? 'failed' : 'pending',
      attempts: job.attempts + 1,
      lastError: error.slice(0, 1000),
      dueAt: final ? job.dueAt : retryAt,
    })
    .where('id', '=', job.id)
    .execute();
}

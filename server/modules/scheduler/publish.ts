import type { Kysely, Transaction } from 'kysely';
import type { Ctx } from '../../core/context.ts';
import { AUTOMATION_EVENTS, type DomainEvent } from '../../core/events.ts';
import { newId } from '../../core/ids.ts';
import type { AfterCommit } from '../../core/tx.ts';
import type { DB } from '../../db/schema.ts';
import { scheduleJob } from './jobs.repository.ts';

/** The scheduler job that hands a journaled event to automation. */
export const EVENT_JOB = 'event.dispatch';

/**
 * Publishes a domain event from inside the transaction that made the change. Subscribers get it after
 * commit on the in-process bus; an event automation reacts to is also journaled in that transaction as a
 * scheduler job, so a crash between commit and dispatch loses no workflow start: the job runs at once
 * when the bus delivers the event, or on the next tick after a restart — exactly once either way.
 */
export async function publish(
  trx: Kysely<DB> | Transaction<DB>,
  ctx: Pick<Ctx, 'events'>,
  after: AfterCommit,
  event: DomainEvent,
): Promise<void> {
  let published = event;
  if (AUTOMATION_EVENTS.has(event.type)) {
    const slotKey = `event:${newId()}`;
    await scheduleJob(trx, { kind: EVENT_JOB, slotKey, dueAt: event.at, payload: { ...event } }, event.at);
    published = { ...event, journal: slotKey };
  }
  after(() => ctx.events.emit(published));
}

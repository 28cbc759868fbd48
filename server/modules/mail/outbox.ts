import type { Kysely, Transaction } from 'kysely';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { AfterCommit } from '../../core/tx.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Files to attach: generated documents by id (read at send time), never arbitrary paths from input. */
  attachments?: { filename: string; contentType: string; documentId: string }[];
}

/**
 * Queues an e-mail in the outbox inside the caller's transaction (never sends inside it: SMTP must not
 * stall SQLite's single writer). The sender picks it up after commit. Without KONTOR_SMTP_URL mail is off
 * and nothing is queued.
 */
export async function queueMail(
  db: Db,
  ctx: Pick<Ctx, 'config' | 'clock' | 'events'>,
  mail: OutgoingMail,
  after: AfterCommit,
): Promise<boolean> {
  if (!ctx.config.smtpUrl) return false;
  const now = ctx.clock.now().toISOString();
  const id = newId();
  await db
    .insertInto('mailOutbox')
    .values({
      id,
      toAddress: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      attachments: JSON.stringify(mail.attachments ?? []),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastError: null,
      createdAt: now,
      sentAt: null,
    })
    .execute();
  after(() => ctx.events.emit({ type: 'mail.queued', entityType: 'mail', entityId: id, actorId: null, at: now }));
  return true;
}

export function duePending(db: Db, now: string, limit: number) {
  return db
    .selectFrom('mailOutbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', now)
    .orderBy('createdAt')
    .limit(limit)
    .execute();
}

export async function markSent(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('mailOutbox').set({ status: 'sent', sentAt: now, lastError: null }).where('id', '=', id).execute();
}

export async function markFailed(
  db: Db,
  id: string,
  attempts: number,
  error: string,
  nextAttemptAt: string,
  final: boolean,
): Promise<void> {
  await db
    .updateTable('mailOutbox')
    .set({ status: final ? 'failed' : 'pending', attempts, lastError: error.slice(0, 1000), nextAttemptAt })
    .where('id', '=', id)
    .execute();
}

import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { AfterCommit } from '../../core/tx.ts';
import type { DB, NotificationRow } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import { queueMail } from '../mail/outbox.ts';
import { renderEmail } from '../mail/templates.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface NotifyInput {
  userId: string;
  kind: string;
  title: string;
  body?: string;
  entityType?: string | null;
  entityId?: string | null;
  /** Also send an e-mail from templates/email/<template>.<locale>.hbs (when SMTP is configured). */
  email?: { template: string; data: Record<string, unknown> };
}

export function presentNotification(row: NotificationRow) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    entityType: row.entityType,
    entityId: row.entityId,
    readAt: row.readAt,
    createdAt: row.createdAt,
  };
}

/**
 * Tells a user something: an in-app notification (live over SSE after commit) and, when asked and
 * mail is on, an e-mail in their language through the outbox. Runs inside the caller's transaction.
 */
export async function notify(
  db: Db,
  ctx: Pick<Ctx, 'config' | 'clock' | 'events'>,
  after: AfterCommit,
  input: NotifyInput,
): Promise<NotificationRow> {
  const now = ctx.clock.now().toISOString();
  const row: NotificationRow = {
    id: newId(),
    userId: input.userId,
    kind: input.kind,
    title: input.title,
    body: input.body ?? '',
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    readAt: null,
    createdAt: now,
  };
  await db.insertInto('notifications').values(row).execute();
  if (input.email) {
    const user = await db
      .selectFrom('users')
      .select(['email', 'name', 'locale', 'active'])
      .where('id', '=', input.userId)
      .executeTakeFirst();
    if (user?.active === 1) {
      const mail = renderEmail(input.email.template, user.locale, { name: user.name, ...input.email.data });
      await queueMail(db, ctx, { to: user.email, ...mail }, after);
    }
  }
  after(() =>
    ctx.events.emit({
      type: 'notification.created',
      entityType: 'notification',
      entityId: row.id,
      actorId: null,
      at: now,
      data: { userId: row.userId, notification: presentNotification(row) },
    }),
  );
  return row;
}

export async function listNotifications(ctx: Ctx, actor: Actor, opts: { unread?: boolean; limit: number; before?: string }) {
  let q = ctx.db
    .selectFrom('notifications')
    .selectAll()
    .where('userId', '=', actor.userId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit + 1);
  if (opts.unread) q = q.where('readAt', 'is', null);
  if (opts.before) q = q.where('id', '<', opts.before);
  const rows = await q.execute();
  const unread = await ctx.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', actor.userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  const page = rows.slice(0, opts.limit);
  return {
    data: page.map(presentNotification),
    nextCursor: rows.length > opts.limit ? (page.at(-1)?.id ?? null) : null,
    unreadCount: Number(unread.n),
  };
}

export async function markRead(ctx: Ctx, actor: Actor, id: string) {
  const now = ctx.clock.now().toISOString();
  await ctx.db
    .updateTable('notifications')
    .set({ readAt: now })
    .where('id', '=', id)
    .where('userId', '=', actor.userId)
    .where('readAt', 'is', null)
    .execute();
  const row = await ctx.db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('userId', '=', actor.userId)
    .executeTakeFirst();
  if (!row) throw notFound('Notification');
  return presentNotification(row);
}

export async function markAllRead(ctx: Ctx, actor: Actor): Promise<number> {
  const res = await ctx.db
    .updateTable('notifications')
    .set({ readAt: ctx.clock.now().toISOString() })
    .where('userId', '=', actor.userId)
    .where('readAt', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

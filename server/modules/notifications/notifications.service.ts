import { type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { AfterCommit } from '../../core/tx.ts';
import type { DB, Locale, NotificationRow } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import { type ListSpec, listPage } from '../../http/list.ts';
import { queueMail } from '../mail/outbox.ts';
import { renderEmail } from '../mail/templates.ts';
import { isMessageKey, type Message, renderMessage } from './messages.ts';

type Db = Kysely<DB> | Transaction<DB>;

type Content =
  /** Text as written (e.g. by an admin in a workflow step): the same in every language. */
  | { title: string; body?: string; message?: never }
  /** A system message: rendered in the recipient's language, and again in the reader's on every read. */
  | { message: Message; title?: never; body?: never };

export type NotifyInput = Content & {
  userId: string;
  kind: string;
  entityType?: string | null;
  entityId?: string | null;
  /**
   * Also send an e-mail from templates/email/<template>.<locale>.hbs (when SMTP is configured); data may
   * depend on the recipient's language (dates, money).
   */
  email?: { template: string; data: Record<string, unknown> | ((locale: Locale) => Record<string, unknown>) };
};

function localized(row: NotificationRow, locale: Locale): { title: string; body: string } {
  if (!isMessageKey(row.messageKey) || !row.messageParams) return { title: row.title, body: row.body };
  try {
    return renderMessage({ key: row.messageKey, params: JSON.parse(row.messageParams) } as Message, locale);
  } catch {
    return { title: row.title, body: row.body };
  }
}

/** The API shape; a system message reads in `locale` (the reader's language). */
export function presentNotification(row: NotificationRow, locale: Locale) {
  return {
    id: row.id,
    kind: row.kind,
    ...localized(row, locale),
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
  const user = await db
    .selectFrom('users')
    .select(['email', 'name', 'locale', 'active'])
    .where('id', '=', input.userId)
    .executeTakeFirst();
  const locale: Locale = user?.locale ?? 'de';
  // title/body are stored in the recipient's language too: what a client without the catalogue shows
  const text = input.message ? renderMessage(input.message, locale) : { title: input.title, body: input.body ?? '' };
  const row: NotificationRow = {
    id: newId(),
    userId: input.userId,
    kind: input.kind,
    ...text,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    readAt: null,
    createdAt: now,
    messageKey: input.message?.key ?? null,
    messageParams: input.message ? JSON.stringify(input.message.params) : null,
  };
  await db.insertInto('notifications').values(row).execute();
  if (input.email && user?.active === 1) {
    const data = typeof input.email.data === 'function' ? input.email.data(locale) : input.email.data;
    const mail = renderEmail(input.email.template, locale, { name: user.name, ...data });
    await queueMail(db, ctx, { to: user.email, ...mail }, after);
  }
  after(() =>
    ctx.events.emit({
      type: 'notification.created',
      entityType: 'notification',
      entityId: row.id,
      actorId: null,
      at: now,
      data: { userId: row.userId, notification: presentNotification(row, locale) },
    }),
  );
  return row;
}

async function readerLocale(ctx: Ctx, actor: Actor): Promise<Locale> {
  const user = await ctx.db.selectFrom('users').select('locale').where('id', '=', actor.userId).executeTakeFirst();
  return user?.locale ?? 'de';
}

/** The caller's notifications, newest first. unread=true: only unread ones; unread=false: only read ones. */
export const NOTIFICATION_LIST: ListSpec = {
  defaultSort: '-createdAt',
  idColumn: 'notifications.id',
  sortable: { createdAt: { expr: 'notifications.createdAt' } },
  filters: {
    unread: {
      expr: 'notifications.readAt',
      schema: Type.Boolean(),
      where: (value) => sql<SqlBool>`notifications.read_at ${value === true ? sql`IS NULL` : sql`IS NOT NULL`}`,
    },
    kind: { expr: 'notifications.kind', schema: Type.String({ maxLength: 60 }) },
    entityType: { expr: 'notifications.entityType', schema: Type.String({ maxLength: 40 }) },
    entityId: { expr: 'notifications.entityId', schema: Type.String({ maxLength: 64 }) },
  },
};

export async function listNotifications(ctx: Ctx, actor: Actor, query: Record<string, unknown>) {
  const page = await listPage(
    ctx.db.selectFrom('notifications').selectAll().where('userId', '=', actor.userId),
    NOTIFICATION_LIST,
    query,
  );
  const unread = await ctx.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', actor.userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  const locale = await readerLocale(ctx, actor);
  return {
    data: page.rows.map((row) => presentNotification(row, locale)),
    nextCursor: page.nextCursor,
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
  return presentNotification(row, await readerLocale(ctx, actor));
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

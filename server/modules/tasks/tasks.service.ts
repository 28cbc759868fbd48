import type { Kysely, Transaction } from 'kysely';
import { assertOwnerSide } from '../../core/access.ts';
import type { Actor } from '../../core/actor.ts';
import { addBusinessMinutes, instantOf, wallClock } from '../../core/business-hours.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import type { Cause } from '../../core/events.ts';
import { formatDateTime } from '../../core/format.ts';
import { newId } from '../../core/ids.ts';
import { type RowChange, rowChanges } from '../../core/row-changes.ts';
import { type AfterCommit, inTransaction } from '../../core/tx.ts';
import type { DB, TaskRow } from '../../db/schema.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { versionMismatch } from '../../http/if-match.ts';
import { parseListParams } from '../../http/list.ts';
import { findVisibleCompany } from '../companies/companies.repository.ts';
import { findVisibleContact } from '../contacts/contacts.repository.ts';
import { findVisibleDeal } from '../deals/deals.repository.ts';
import { notify } from '../notifications/notifications.service.ts';
import { publish } from '../scheduler/publish.ts';
import { businessHours } from '../settings/work-settings.ts';
import { recordChange } from '../timeline/changes.repository.ts';
import { rescheduleTask, unscheduleTask } from './task-schedule.ts';
import * as repo from './tasks.repository.ts';
import type { CreateTask, Task, TaskListQuery, UpdateTask } from './tasks.schemas.ts';

type Db = Kysely<DB> | Transaction<DB>;

export function presentTask(row: repo.TaskWithNames, now: Date): Task {
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    description: row.description,
    dueAt: row.dueAt,
    reminderMinutes: row.reminderMinutes,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    contactId: row.contactId,
    contactName: row.contactName,
    companyId: row.companyId,
    companyName: row.companyName,
    dealId: row.dealId,
    dealTitle: row.dealTitle,
    status: row.status,
    overdue: row.status === 'open' && row.dueAt !== null && row.dueAt < now.toISOString(),
    completedAt: row.completedAt,
    completedBy: row.completedBy,
    completionNote: row.completionNote,
    escalatedAt: row.escalatedAt,
    createdBy: row.createdBy,
    origin: row.origin,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

async function todayBounds(ctx: Ctx): Promise<{ start: string; end: string }> {
  const tz = (await businessHours(ctx.db)).timeZone;
  const w = wallClock(ctx.clock.now(), tz);
  const start = instantOf(w.y, w.m, w.d, 0, tz);
  const next = new Date(Date.UTC(w.y, w.m - 1, w.d + 1));
  const end = instantOf(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0, tz);
  return { start: start.toISOString(), end: end.toISOString() };
}

export async function listTasks(ctx: Ctx, actor: Actor, query: TaskListQuery) {
  const { limit, cursor, sort, mine, due, ...rest } = query;
  const filters: repo.TaskFilters = { ...rest, assigneeId: mine ? actor.userId : rest.assigneeId };
  if (due) {
    filters.status = 'open';
    const now = isoNow(ctx.clock);
    const { start, end } = await todayBounds(ctx);
    if (due === 'overdue') filters.dueTo = now;
    if (due === 'today') Object.assign(filters, { dueFrom: start, dueTo: end });
    if (due === 'upcoming') filters.dueFrom = end;
    if (due === 'none') filters.dueNone = true;
  }
  const params = parseListParams({ limit, cursor, sort }, repo.TASK_SORT, 'dueAt');
  const page = await repo.listTasks(ctx.db, actor, filters, params);
  const now = ctx.clock.now();
  return { data: page.rows.map((r) => presentTask(r, now)), nextCursor: page.nextCursor };
}

export async function getVisibleTask(ctx: Ctx, actor: Actor, id: string): Promise<repo.TaskWithNames> {
  const row = await repo.findVisibleTask(ctx.db, actor, id);
  if (!row) throw notFound('Task');
  return row;
}

async function assertAssignable(db: Db, actor: Actor, assigneeId: string): Promise<void> {
  const user = await db.selectFrom('users').select(['active']).where('id', '=', assigneeId).executeTakeFirst();
  if (user?.active !== 1)
    throw new AppError('unprocessable', 'The assignee must be an active user', [
      { path: 'assigneeId', message: 'unknown or inactive user' },
    ]);
  if (actor.role === 'specialist' && assigneeId !== actor.userId) throw forbidden('Field staff can only plan their own tasks');
}

async function assertLinks(
  ctx: Ctx,
  actor: Actor,
  input: { contactId?: string | null; companyId?: string | null; dealId?: string | null },
) {
  if (input.contactId && !(await findVisibleContact(ctx.db, actor, input.contactId))) {
    throw new AppError('unprocessable', 'The contact does not exist', [{ path: 'contactId', message: 'unknown contact' }]);
  }
  if (input.companyId && !(await findVisibleCompany(ctx.db, actor, input.companyId))) {
    throw new AppError('unprocessable', 'The company does not exist', [{ path: 'companyId', message: 'unknown company' }]);
  }
  if (input.dealId && !(await findVisibleDeal(ctx.db, actor, input.dealId))) {
    throw new AppError('unprocessable', 'The deal does not exist', [{ path: 'dealId', message: 'unknown deal' }]);
  }
}

type Links = { contactId?: string | null; companyId?: string | null; dealId?: string | null };

/**
 * A hand-off ends with its task: whoever sees a record only through an open task may not give
 * themselves new open work on it (a new task, a reopened one, one taken over), or access would never end.
 */
async function assertNoSelfHandOff(ctx: Ctx, actor: Actor, links: Links): Promise<void> {
  if (actor.role === 'admin') return;
  const records = [
    links.contactId ? findVisibleContact(ctx.db, actor, links.contactId) : null,
    links.companyId ? findVisibleCompany(ctx.db, actor, links.companyId) : null,
    links.dealId ? findVisibleDeal(ctx.db, actor, links.dealId) : null,
  ];
  for (const pending of records) {
    if (pending === null) continue;
    const record = await pending;
    if (!record) throw forbidden('Only the owner, their head or an administrator may plan your work on this record');
    await assertOwnerSide(ctx.db, actor, record.ownerId, 'plan your own work on');
  }
}

function recordLabel(t: repo.TaskWithNames): string | null {
  return [t.dealTitle, t.contactName, t.companyName].filter(Boolean).join(' · ') || null;
}

/** Tells a new assignee about their task (in-app and e-mail) — how the installer hears of the job. */
async function notifyAssigned(trx: Db, ctx: Ctx, after: AfterCommit, task: repo.TaskWithNames, byName: string | null) {
  if (!task.assigneeId) return;
  await notify(trx, ctx, after, {
    userId: task.assigneeId,
    kind: 'task.assigned',
    message: { key: 'task.assigned', params: { title: task.title, dueAt: task.dueAt, record: recordLabel(task) } },
    entityType: 'task',
    entityId: task.id,
    email: {
      template: 'task-assigned',
      data: (locale) => ({
        title: task.title,
        due: formatDateTime(task.dueAt, locale),
        record: recordLabel(task),
        by: byName ?? 'Kontor',
        url: `${ctx.config.publicUrl}/tasks/${task.id}`,
      }),
    },
  });
}

function publishTask(
  trx: Db,
  ctx: Ctx,
  after: AfterCommit,
  type: 'task.created' | 'task.updated' | 'task.completed' | 'task.deleted',
  task: Pick<TaskRow, 'id' | 'type' | 'assigneeId' | 'createdBy' | 'dealId' | 'contactId' | 'companyId'>,
  actorId: string | null,
  extra: { changes?: RowChange[]; causedBy?: Cause } = {},
): Promise<void> {
  return publish(trx, ctx, after, {
    type,
    entityType: 'task',
    entityId: task.id,
    actorId,
    at: isoNow(ctx.clock),
    data: {
      type: task.type,
      assigneeId: task.assigneeId,
      // the realtime stream shows a task's events to whoever sees its assignee's records (their head)
      ownerId: task.assigneeId,
      dealId: task.dealId,
      contactId: task.contactId,
      companyId: task.companyId,
      audience: [task.assigneeId, task.createdBy].filter(Boolean),
      ...(extra.changes ? { changes: extra.changes } : {}),
      ...(extra.causedBy ? { causedBy: extra.causedBy } : {}),
    },
  });
}

export interface TaskCreateOptions {
  /** Created by a workflow or the system: no "assigned by" person. */
  origin?: string | null;
  /** The workflow run that creates it (chains of runs stop at a depth limit). */
  causedBy?: Cause;
}

/** Creates a task inside a transaction (used by the API and by workflows). */
export async function createTaskIn(
  trx: Db,
  ctx: Ctx,
  after: AfterCommit,
  actor: Actor | null,
  input: CreateTask,
  opts: TaskCreateOptions = {},
): Promise<repo.TaskWithNames> {
  const type = await repo.findType(trx, input.type ?? 'todo');
  if (!type)
    throw new AppError('unprocessable', `Unknown task type "${input.type}"`, [{ path: 'type', message: 'unknown task type' }]);
  const now = ctx.clock.now();
  let dueAt = input.dueAt ? new Date(input.dueAt).toISOString() : null;
  if (input.dueAt === undefined && type.slaMinutes)
    dueAt = addBusinessMinutes(now, type.slaMinutes, await businessHours(trx)).toISOString();
  const assigneeId = input.assigneeId ?? actor?.userId ?? null;
  const row: TaskRow = {
    id: newId(),
    title: input.title.trim(),
    type: type.key,
    description: input.description?.trim() || null,
    dueAt,
    reminderMinutes: input.reminderMinutes === undefined ? type.reminderMinutes : input.reminderMinutes,
    assigneeId,
    contactId: input.contactId ?? null,
    companyId: input.companyId ?? null,
    dealId: input.dealId ?? null,
    status: 'open',
    completedAt: null,
    completedBy: null,
    completionNote: null,
    escalatedAt: null,
    remindedAt: null,
    createdBy: actor?.userId ?? null,
    origin: opts.origin ?? null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  await repo.insertTask(trx, row);
  await rescheduleTask(trx, row, row.reminderMinutes, now.toISOString());
  const full = (await repo.findTaskWithNames(trx, row.id)) as repo.TaskWithNames;
  if (assigneeId && assigneeId !== actor?.userId) {
    const by = actor ? await trx.selectFrom('users').select('name').where('id', '=', actor.userId).executeTakeFirst() : undefined;
    await notifyAssigned(trx, ctx, after, full, by?.name ?? null);
  }
  await publishTask(trx, ctx, after, 'task.created', row, actor?.userId ?? null, { causedBy: opts.causedBy });
  return full;
}

export async function createTask(ctx: Ctx, actor: Actor, input: CreateTask): Promise<Task> {
  await assertLinks(ctx, actor, input);
  if (input.assigneeId) await assertAssignable(ctx.db, actor, input.assigneeId);
  if ((input.assigneeId ?? actor.userId) === actor.userId) await assertNoSelfHandOff(ctx, actor, input);
  const row = await inTransaction(ctx, (trx, after) => createTaskIn(trx, ctx, after, actor, input));
  return presentTask(row, ctx.clock.now());
}

export async function updateTask(ctx: Ctx, actor: Actor, id: string, input: UpdateTask, expected?: number): Promise<Task> {
  const current = await getVisibleTask(ctx, actor, id);
  if (input.assigneeId !== undefined && input.assigneeId !== current.assigneeId)
    await assertAssignable(ctx.db, actor, input.assigneeId);
  await assertLinks(ctx, actor, { contactId: input.contactId, companyId: input.companyId, dealId: input.dealId });
  if (input.type !== undefined && !(await repo.findType(ctx.db, input.type))) {
    throw new AppError('unprocessable', `Unknown task type "${input.type}"`, [{ path: 'type', message: 'unknown task type' }]);
  }
  const now = isoNow(ctx.clock);
  const changes: Partial<TaskRow> = {};
  for (const key of ['type', 'reminderMinutes', 'assigneeId', 'contactId', 'companyId', 'dealId'] as const) {
    if (input[key] !== undefined) (changes as Record<string, unknown>)[key] = input[key];
  }
  if (input.title !== undefined) changes.title = input.title.trim();
  if (input.description !== undefined) changes.description = input.description?.trim() || null;
  if (input.dueAt !== undefined) changes.dueAt = input.dueAt ? new Date(input.dueAt).toISOString() : null;
  if (input.status !== undefined && input.status !== current.status) {
    Object.assign(
      changes,
      input.status === 'open'
        ? { status: 'open', completedAt: null, completedBy: null }
        : { status: input.status, completedAt: now, completedBy: actor.userId },
    );
  }
  if (changes.dueAt !== undefined && changes.dueAt !== current.dueAt) changes.escalatedAt = null;
  const next = { ...current, ...changes };
  const newlyMine =
    current.status !== 'open' ||
    current.assigneeId !== actor.userId ||
    (['contactId', 'companyId', 'dealId'] as const).some((k) => next[k] !== current[k]);
  if (next.status === 'open' && next.assigneeId === actor.userId && newlyMine) await assertNoSelfHandOff(ctx, actor, next);
  const row = await inTransaction(ctx, async (trx, after) => {
    const updated = await repo.updateTask(trx, id, changes, now, expected);
    if (!updated) throw versionMismatch(current.version);
    await rescheduleTask(trx, updated, updated.reminderMinutes, now);
    const full = (await repo.findTaskWithNames(trx, id)) as repo.TaskWithNames;
    if (changes.assigneeId && changes.assigneeId !== actor.userId) {
      const by = await trx.selectFrom('users').select('name').where('id', '=', actor.userId).executeTakeFirst();
      await notifyAssigned(trx, ctx, after, full, by?.name ?? null);
    }
    await publishTask(
      trx,
      ctx,
      after,
      updated.status === 'done' && current.status !== 'done' ? 'task.completed' : 'task.updated',
      updated,
      actor.userId,
      { changes: rowChanges(current, updated) },
    );
    return full;
  });
  return presentTask(row, ctx.clock.now());
}

/** Completes a task (its assignee, or whoever may see it); the note lands on the linked record's timeline. */
export async function completeTask(ctx: Ctx, actor: Actor, id: string, note?: string): Promise<Task> {
  const current = await getVisibleTask(ctx, actor, id);
  if (current.status !== 'open')
    throw new AppError('conflict', 'The task is not open', [{ path: 'status', message: `is ${current.status}` }]);
  const now = isoNow(ctx.clock);
  const row = await inTransaction(ctx, async (trx, after) => {
    const updated = await repo.updateTask(
      trx,
      id,
      { status: 'done', completedAt: now, completedBy: actor.userId, completionNote: note?.trim() || null },
      now,
      current.version,
    );
    if (!updated) throw versionMismatch(current.version);
    await unscheduleTask(trx, id, now);
    if (note?.trim() && (updated.contactId || updated.companyId || updated.dealId)) {
      await trx
        .insertInto('activities')
        .values({
          id: newId(),
          type: updated.type === 'call' ? 'call' : updated.type === 'meeting' ? 'meeting' : 'note',
          contactId: updated.contactId,
          companyId: updated.companyId,
          dealId: updated.dealId,
          userId: actor.userId,
          body: `${updated.title}: ${note.trim()}`,
          occurredAt: now,
          direction: updated.type === 'call' ? 'outbound' : null,
          durationSec: null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
      if (updated.contactId)
        await trx.updateTable('contacts').set({ lastActivityAt: now }).where('id', '=', updated.contactId).execute();
    }
    for (const [kind, refId] of [
      ['deal', updated.dealId],
      ['contact', updated.contactId],
      ['company', updated.companyId],
    ] as const) {
      if (refId)
        await recordChange(trx, {
          entityType: kind,
          entityId: refId,
          userId: actor.userId,
          action: 'task_completed',
          changes: [{ field: 'task', from: updated.id, to: updated.title }],
          at: now,
        });
    }
    await publishTask(trx, ctx, after, 'task.completed', updated, actor.userId);
    return (await repo.findTaskWithNames(trx, id)) as repo.TaskWithNames;
  });
  return presentTask(row, ctx.clock.now());
}

export async function reopenTask(ctx: Ctx, actor: Actor, id: string): Promise<Task> {
  return updateTask(ctx, actor, id, { status: 'open' });
}

export async function deleteTask(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const task = await getVisibleTask(ctx, actor, id);
  if (actor.role !== 'admin' && actor.role !== 'head' && task.createdBy !== actor.userId)
    throw forbidden('Only whoever created the task, a head or an administrator may delete it');
  await inTransaction(ctx, async (trx, after) => {
    await unscheduleTask(trx, id, isoNow(ctx.clock));
    await repo.deleteTask(trx, id);
    await publishTask(trx, ctx, after, 'task.deleted', task, actor.userId);
  });
}

export async function listComments(ctx: Ctx, actor: Actor, taskId: string, query: Record<string, unknown>) {
  await getVisibleTask(ctx, actor, taskId);
  const page = await repo.comments(ctx.db, taskId, query);
  return { data: page.rows, nextCursor: page.nextCursor };
}

export async function addComment(ctx: Ctx, actor: Actor, taskId: string, body: string) {
  await getVisibleTask(ctx, actor, taskId);
  const row = { id: newId(), taskId, userId: actor.userId, body: body.trim(), createdAt: isoNow(ctx.clock) };
  await ctx.db.insertInto('taskComments').values(row).execute();
  const user = await ctx.db.selectFrom('users').select('name').where('id', '=', actor.userId).executeTakeFirst();
  return { ...row, userName: user?.name ?? null };
}

import type { Ctx } from '../../core/context.ts';
import { formatDateTime } from '../../core/format.ts';
import { notify } from '../notifications/notifications.service.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import { getWorkSettings } from '../settings/work-settings.ts';
import { ESCALATE, REMIND } from './task-schedule.ts';
import * as repo from './tasks.repository.ts';

/**
 * The scheduler's work for tasks. Each handler re-checks the task inside the job's transaction, so a
 * task completed or rescheduled meanwhile is left alone; the job row's unique slot makes it fire once.
 */
export function registerTaskJobs(scheduler: Scheduler, ctx: Ctx): void {
  scheduler.register(REMIND, async (trx, job, after) => {
    const { taskId, dueAt } = JSON.parse(job.payload) as { taskId: string; dueAt: string };
    const task = await repo.findTaskWithNames(trx, taskId);
    if (task?.status !== 'open' || task.dueAt !== dueAt || !task.assigneeId) return;
    const record = [task.dealTitle, task.contactName, task.companyName].filter(Boolean).join(' · ') || null;
    await notify(trx, ctx, after, {
      userId: task.assigneeId,
      kind: 'task.reminder',
      message: { key: 'task.reminder', params: { title: task.title, dueAt: task.dueAt, record } },
      entityType: 'task',
      entityId: task.id,
      email: {
        template: 'task-reminder',
        data: (locale) => ({
          title: task.title,
          due: formatDateTime(task.dueAt, locale),
          record,
          url: `${ctx.config.publicUrl}/tasks/${task.id}`,
        }),
      },
    });
    await trx.updateTable('tasks').set({ remindedAt: ctx.clock.now().toISOString() }).where('id', '=', taskId).execute();
  });

  scheduler.register(ESCALATE, async (trx, job, after) => {
    const { taskId, dueAt } = JSON.parse(job.payload) as { taskId: string; dueAt: string };
    const task = await repo.findTaskWithNames(trx, taskId);
    if (task?.status !== 'open' || task.dueAt !== dueAt || task.escalatedAt || !task.assigneeId) return;
    const head = await repo.headOf(trx, task.assigneeId);
    const fallback = (await getWorkSettings(trx)).escalationUserId;
    const recipients = head
      ? [head]
      : fallback && fallback !== task.assigneeId
        ? [fallback]
        : (await repo.activeAdmins(trx)).filter((id) => id !== task.assigneeId);
    const record = [task.dealTitle, task.contactName, task.companyName].filter(Boolean).join(' · ') || null;
    const now = ctx.clock.now().toISOString();
    for (const userId of recipients) {
      await notify(trx, ctx, after, {
        userId,
        kind: 'task.escalated',
        message: {
          key: 'task.escalated',
          params: { title: task.title, dueAt: task.dueAt, record, assignee: task.assigneeName },
        },
        entityType: 'task',
        entityId: task.id,
        email: {
          template: 'task-escalation',
          data: (locale) => ({
            title: task.title,
            assignee: task.assigneeName ?? '—',
            due: formatDateTime(task.dueAt, locale),
            record,
            url: `${ctx.config.publicUrl}/tasks/${task.id}`,
          }),
        },
      });
    }
    await trx.updateTable('tasks').set({ escalatedAt: now }).where('id', '=', taskId).execute();
    after(() =>
      ctx.events.emit({
        type: 'task.escalated',
        entityType: 'task',
        entityId: task.id,
        actorId: null,
        at: now,
        data: { assigneeId: task.assigneeId, dealId: task.dealId, recipients, audience: [task.assigneeId, ...recipients] },
      }),
    );
  });
}

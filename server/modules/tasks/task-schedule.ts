import type { Kysely, Transaction } from 'kysely';
import type { DB, TaskRow } from '../../db/schema.ts';
import { cancelJobs, scheduleJob } from '../scheduler/jobs.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const REMIND = 'task.reminder';
export const ESCALATE = 'task.escalation';

/**
 * Keeps a task's scheduled jobs in step with it: a reminder before due and the escalation at due,
 * each slot keyed by the due time so a changed due time makes new slots and an old slot never fires twice.
 */
export async function rescheduleTask(db: Db, task: TaskRow, reminderMinutes: number | null, now: string): Promise<void> {
  await cancelJobs(db, `task:${task.id}:`, now);
  if (task.status !== 'open' || !task.dueAt || !task.assigneeId) return;
  await scheduleJob(
    db,
    {
      kind: ESCALATE,
      slotKey: `task:${task.id}:escalate:${task.dueAt}`,
      dueAt: task.dueAt,
      payload: { taskId: task.id, dueAt: task.dueAt },
    },
    now,
  );
  if (reminderMinutes !== null && reminderMinutes > 0) {
    const remindAt = new Date(Date.parse(task.dueAt) - reminderMinutes * 60_000).toISOString();
    if (remindAt > now) {
      await scheduleJob(
        db,
        {
          kind: REMIND,
          slotKey: `task:${task.id}:remind:${remindAt}`,
          dueAt: remindAt,
          payload: { taskId: task.id, dueAt: task.dueAt },
        },
        now,
      );
    }
  }
}

export async function unscheduleTask(db: Db, taskId: string, now: string): Promise<void> {
  await cancelJobs(db, `task:${taskId}:`, now);
}

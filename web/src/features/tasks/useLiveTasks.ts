import { useQueryClient } from '@tanstack/react-query';
import { useServerEvents } from '../../api/events.ts';
import { taskChanged, tasksKey } from '../../api/tasks.ts';

const TASK_EVENTS = ['task.created', 'task.updated', 'task.completed', 'task.deleted', 'task.escalated'] as const;

/** Keeps task lists and the open task current while someone else (or the scheduler) changes tasks. */
export function useLiveTasks(): void {
  const qc = useQueryClient();
  useServerEvents(
    TASK_EVENTS,
    (event) => {
      taskChanged(qc);
      void qc.invalidateQueries({ queryKey: [...tasksKey, 'detail', event.entityId] });
    },
    () => void qc.invalidateQueries({ queryKey: tasksKey }),
  );
}

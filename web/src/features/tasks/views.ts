import type { TaskQuery } from '../../api/tasks.ts';
import type { Role } from '../../api/types.ts';

export const MY_VIEWS = ['overdue', 'today', 'upcoming', 'none', 'done'] as const;
export type TaskView = (typeof MY_VIEWS)[number] | 'team';

/** Heads and admins also see the team's open tasks. */
export function viewsFor(role: Role): TaskView[] {
  return role === 'head' || role === 'admin' ? [...MY_VIEWS, 'team'] : [...MY_VIEWS];
}

export function isView(value: string | null, role: Role): value is TaskView {
  return value !== null && (viewsFor(role) as string[]).includes(value);
}

export function queryOf(view: TaskView, assigneeId: string | null): TaskQuery {
  switch (view) {
    case 'overdue':
    case 'today':
    case 'upcoming':
      return { mine: true, due: view, sort: 'dueAt' };
    case 'none':
      return { mine: true, due: 'none', sort: '-createdAt' };
    case 'done':
      return { mine: true, status: 'done', sort: '-completedAt' };
    case 'team':
      return { status: 'open', assigneeId: assigneeId ?? undefined, sort: 'dueAt' };
  }
}

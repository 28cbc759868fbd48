import type { TaskView } from './views.ts';

/**
 * The due time a quick-added task gets from the tab it is added in: "Heute" → the next full hour today
 * (at the latest 23:00), "Demnächst" → tomorrow 09:00, else none.
 */
export function quickDue(view: TaskView, now = new Date()): string | undefined {
  if (view === 'today') {
    const due = new Date(now);
    due.setMinutes(0, 0, 0);
    due.setHours(Math.min(now.getHours() + 1, 23));
    return (due > now ? due : new Date(now.getTime() + 30 * 60_000)).toISOString();
  }
  if (view === 'upcoming') {
    const due = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0, 0, 0);
    return due.toISOString();
  }
  return undefined;
}

import {
  type Icon,
  IconAlarm,
  IconAlertTriangle,
  IconBell,
  IconBriefcase,
  IconChecklist,
  IconUserCheck,
} from '@tabler/icons-react';
import type { AppNotification } from '../../api/types.ts';

const KINDS: Record<string, { icon: Icon; color: string }> = {
  'task.reminder': { icon: IconAlarm, color: 'blue' },
  'task.escalated': { icon: IconAlertTriangle, color: 'red' },
  'task.assigned': { icon: IconUserCheck, color: 'teal' },
};

/** Icon and colour of a notification by its kind (task.escalated …); unknown kinds by their record. */
export function kindOf(notification: AppNotification): { icon: Icon; color: string } {
  const known = KINDS[notification.kind];
  if (known) return known;
  if (notification.kind.startsWith('deal.') || notification.entityType === 'deal') return { icon: IconBriefcase, color: 'grape' };
  if (notification.kind.startsWith('task.')) return { icon: IconChecklist, color: 'blue' };
  return { icon: IconBell, color: 'gray' };
}

const PATHS: Record<string, string> = { task: 'tasks', deal: 'deals', contact: 'contacts', company: 'companies' };

/** Where a notification leads: the record it is about, or nowhere. */
export function pathOf(notification: AppNotification): string | null {
  const base = notification.entityType ? PATHS[notification.entityType] : undefined;
  return base && notification.entityId ? `/${base}/${encodeURIComponent(notification.entityId)}` : null;
}

import { Badge, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { formatDue } from './format.ts';

/** When a task is due: red once overdue, with an "eskaliert" badge after the head was told. */
export function TaskDue({ task, size = 'sm' }: { task: Task; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const overdue = task.status === 'open' && task.overdue;
  return (
    <Group gap={6} wrap="nowrap">
      {task.dueAt ? (
        <Tooltip label={formatDateTime(task.dueAt)} withArrow>
          <Text
            span
            size={size}
            c={overdue ? 'red.7' : 'dimmed'}
            fw={overdue ? 600 : undefined}
            style={{ whiteSpace: 'nowrap', display: 'inline-flex', alignItems: 'center', gap: 4 }}
            data-overdue={overdue || undefined}
          >
            {overdue ? <IconAlertTriangle size={14} aria-hidden="true" /> : <IconClock size={14} aria-hidden="true" />}
            <time dateTime={task.dueAt}>{formatDue(task.dueAt)}</time>
            {overdue && <VisuallyHidden> ({t('tasks.overdue')})</VisuallyHidden>}
          </Text>
        </Tooltip>
      ) : (
        <Text span size={size} c="dimmed">
          {t('tasks.noDue')}
        </Text>
      )}
      {task.escalatedAt && task.status === 'open' && (
        <Tooltip label={t('tasks.escalatedInfo', { at: formatDateTime(task.escalatedAt) })} withArrow>
          <Badge color="red" variant="light" size="sm">
            {t('tasks.escalated')}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

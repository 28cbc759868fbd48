import { Anchor, Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRelatedTasks } from '../../api/related.ts';
import type { CustomerEntity } from '../../api/types.ts';
import { errorSummary } from '../../components/errors.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { Panel } from './Panel.tsx';

/** What is still to be done for the record: open tasks with their due time and assignee. */
export function RelatedTasks({ entity, id }: { entity: CustomerEntity; id: string }) {
  const { t } = useTranslation();
  const tasks = useRelatedTasks(entity, id);
  const rows = tasks.data?.data ?? [];
  return (
    <Panel title={t('customers.openTasks')}>
      {tasks.isPending ? (
        <Skeleton height={40} />
      ) : tasks.isError ? (
        <Text size="sm" c="red">
          {errorSummary(t, tasks.error)}
        </Text>
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customers.noTasks')}
        </Text>
      ) : (
        <Stack gap="xs">
          {rows.map((task) => (
            <Group key={task.id} justify="space-between" wrap="nowrap" gap="sm" data-task={task.title}>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/tasks/${task.id}`} size="sm" fw={600} truncate>
                  {task.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {[task.dueAt ? t('customers.due', { date: formatDateTime(task.dueAt) }) : null, task.assigneeName]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
              {task.overdue && (
                <Badge size="sm" color="red" variant="light">
                  {t('customers.overdue')}
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { TaskDue } from './TaskDue.tsx';
import { TaskLinks } from './TaskLinks.tsx';
import { TaskTypeIcon, useTaskTypeNames } from './taskTypes.tsx';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <div>{children}</div>
    </div>
  );
}

const STATUS_COLORS = { open: 'blue', done: 'teal', canceled: 'gray' } as const;

export function StatusBadge({ task }: { task: Task }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[task.status]} variant="light" data-testid="task-status">
      {t(`tasks.status.${task.status}`)}
    </Badge>
  );
}

/** Every field of a task, read-only. */
export function TaskDetails({ task }: { task: Task }) {
  const { t } = useTranslation();
  const { nameOf } = useTaskTypeNames();
  const reminder = task.reminderMinutes == null ? t('tasks.noReminder') : t('tasks.minutes', { count: task.reminderMinutes });

  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} size="h4" mb="md">
        {t('tasks.details')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="lg" verticalSpacing="md">
        <Item label={t('tasks.fields.type')}>
          <Group gap={6}>
            <TaskTypeIcon type={task.type} size={16} />
            <Text size="sm">{nameOf(task.type)}</Text>
          </Group>
        </Item>
        <Item label={t('tasks.fields.status')}>
          <StatusBadge task={task} />
        </Item>
        <Item label={t('tasks.fields.dueAt')}>
          <TaskDue task={task} />
        </Item>
        <Item label={t('tasks.fields.reminderMinutes')}>
          <Text size="sm">{reminder}</Text>
        </Item>
        <Item label={t('tasks.fields.assignee')}>
          <Text size="sm">{task.assigneeName ?? t('tasks.unassigned')}</Text>
        </Item>
        <Item label={t('tasks.fields.createdAt')}>
          <Text size="sm">{formatDateTime(task.createdAt)}</Text>
        </Item>
      </SimpleGrid>
      {(task.contactId || task.companyId || task.dealId) && (
        <Stack gap={4} mt="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {[t('tasks.fields.contact'), t('tasks.fields.company'), t('tasks.fields.deal')].join(' · ')}
          </Text>
          <TaskLinks task={task} />
        </Stack>
      )}
      {task.description && (
        <Stack gap={4} mt="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('tasks.fields.description')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {task.description}
          </Text>
        </Stack>
      )}
      {task.status === 'done' && task.completedAt && (
        <Stack gap={4} mt="md" data-testid="task-completion">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('tasks.completedInfo', { at: formatDateTime(task.completedAt) })}
          </Text>
          {task.completionNote && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {task.completionNote}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

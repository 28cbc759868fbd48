import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTaskList } from '../../api/tasks.ts';
import type { Task } from '../../api/types.ts';
import { ReportCard } from '../reports/ReportCard.tsx';
import { TaskDue } from '../tasks/TaskDue.tsx';

const LIMIT = 6;

function TaskLines({ tasks, empty }: { tasks: Task[]; empty: string }) {
  if (tasks.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {tasks.map((task) => (
        <Group key={task.id} component="li" justify="space-between" wrap="nowrap" gap="xs" data-task={task.title}>
          <Anchor component={Link} to={`/tasks/${task.id}`} size="sm" fw={500} truncate style={{ minWidth: 0 }}>
            {task.title}
          </Anchor>
          <TaskDue task={task} size="xs" />
        </Group>
      ))}
    </Stack>
  );
}

/** The caller's overdue tasks and those due today, a few each, with a link to all. */
export function MyTasksCard() {
  const { t } = useTranslation();
  const overdue = useTaskList({ mine: true, due: 'overdue', sort: 'dueAt' }, { limit: LIMIT });
  const today = useTaskList({ mine: true, due: 'today', sort: 'dueAt' }, { limit: LIMIT });
  const list = (q: typeof overdue) => q.data?.pages[0]?.data ?? [];
  const more = (q: typeof overdue) => Boolean(q.data?.pages[0]?.nextCursor);
  // due earlier today and not done: those are in the overdue list already
  const dueLater = list(today).filter((task) => !task.overdue);
  return (
    <ReportCard
      title={t('dashboard.myTasks.title')}
      loading={overdue.isPending || today.isPending}
      error={overdue.error ?? today.error}
      testId="dashboard-my-tasks"
      actions={
        <Anchor component={Link} to="/tasks" size="sm">
          {t('dashboard.myTasks.all')}
        </Anchor>
      }
    >
      <Stack gap="md">
        <div>
          <Group gap="xs" mb={6}>
            <Text fw={600} size="sm" c="red.7">
              {t('dashboard.myTasks.overdue')}
            </Text>
            <Badge size="sm" color="red" variant="light">
              {list(overdue).length}
              {more(overdue) ? '+' : ''}
            </Badge>
          </Group>
          <TaskLines tasks={list(overdue)} empty={t('dashboard.myTasks.noneOverdue')} />
        </div>
        <div>
          <Group gap="xs" mb={6}>
            <Text fw={600} size="sm">
              {t('dashboard.myTasks.today')}
            </Text>
            <Badge size="sm" variant="light">
              {dueLater.length}
              {more(today) ? '+' : ''}
            </Badge>
          </Group>
          <TaskLines tasks={dueLater} empty={t('dashboard.myTasks.noneToday')} />
        </div>
      </Stack>
    </ReportCard>
  );
}

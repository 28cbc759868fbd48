import { Anchor, Grid, Group } from '@mantine/core';
import { IconArrowLeft, IconMoodEmpty } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useTask } from '../../api/tasks.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TaskActions } from './TaskActions.tsx';
import { TaskComments } from './TaskComments.tsx';
import { StatusBadge, TaskDetails } from './TaskDetails.tsx';
import { TaskDue } from './TaskDue.tsx';
import { useLiveTasks } from './useLiveTasks.ts';

/** One task: its fields, actions and comments. */
export function TaskPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const task = useTask(id);
  useLiveTasks();

  const back = (
    <Anchor component={Link} to="/tasks" size="sm" mb="xs" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <IconArrowLeft size={14} aria-hidden="true" />
      {t('tasks.back')}
    </Anchor>
  );

  if (task.isPending) return <LoadingState />;
  if (task.isError) {
    return (
      <>
        {back}
        {task.error instanceof ApiError && task.error.status === 404 ? (
          <EmptyState titleOrder={1} icon={<IconMoodEmpty />} title={t('errors.notFound')} description={t('tasks.notFound')} />
        ) : (
          <ErrorAlert error={task.error} onRetry={() => void task.refetch()} />
        )}
      </>
    );
  }

  const data = task.data;
  return (
    <>
      {back}
      <PageHeader title={data.title} actions={<TaskActions task={data} />} />
      <Group gap="sm" mt="-sm" mb="lg">
        <StatusBadge task={data} />
        <TaskDue task={data} />
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <TaskDetails task={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <TaskComments taskId={data.id} />
        </Grid.Col>
      </Grid>
    </>
  );
}

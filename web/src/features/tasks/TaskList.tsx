import { Button, Center, Paper, Skeleton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecklist } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TaskQuery, useReopenTask, useTaskList } from '../../api/tasks.ts';
import type { Task } from '../../api/types.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorSummary } from '../../components/errors.ts';
import { CompleteTaskModal } from './CompleteTaskModal.tsx';
import { TaskRow } from './TaskRow.tsx';

interface Props {
  query: TaskQuery;
  emptyTitle: string;
  emptyText?: string;
  showAssignee?: boolean;
  limit?: number;
  /** Label of the list for screen readers. */
  label: string;
}

function ListSkeleton() {
  return (
    <Stack p="md" gap="md" aria-busy="true">
      {[0, 1, 2].map((row) => (
        <Skeleton key={row} height={36} radius="sm" />
      ))}
    </Stack>
  );
}

/** A list of tasks with loading, empty and error states, paging, and complete/reopen on each row. */
export function TaskList({ query, emptyTitle, emptyText, showAssignee, limit, label }: Props) {
  const { t } = useTranslation();
  const list = useTaskList(query, { limit });
  const reopen = useReopenTask();
  const [completing, setCompleting] = useState<Task | null>(null);
  const tasks = list.data?.pages.flatMap((page) => page.data) ?? [];

  const onReopen = (task: Task) =>
    reopen.mutate(task.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('tasks.reopened') }),
      onError: (error) => notifications.show({ color: 'red', message: errorSummary(t, error) }),
    });

  return (
    <>
      <Paper withBorder radius="md">
        {list.isPending ? (
          <ListSkeleton />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : tasks.length === 0 ? (
          <EmptyState icon={<IconChecklist />} title={emptyTitle} description={emptyText} />
        ) : (
          <section aria-label={label} aria-busy={list.isPlaceholderData || undefined}>
            {tasks.map((task) => (
              <TaskRow
                key={task.id}
                task={task}
                onComplete={setCompleting}
                onReopen={onReopen}
                showAssignee={showAssignee}
                reopening={reopen.isPending && reopen.variables === task.id}
              />
            ))}
          </section>
        )}
      </Paper>
      {list.hasNextPage && (
        <Center mt="md">
          <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
      <CompleteTaskModal task={completing} onClose={() => setCompleting(null)} />
    </>
  );
}

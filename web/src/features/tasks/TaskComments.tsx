import { Button, Group, Paper, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddTaskComment, useTaskComments } from '../../api/tasks.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RelativeTime } from '../customers/RelativeTime.tsx';
import { notInFuture } from './format.ts';

/** The conversation on a task: oldest first, a box to add to it. */
export function TaskComments({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const comments = useTaskComments(taskId);
  const add = useAddTaskComment(taskId);
  const [body, setBody] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    add.mutate(body.trim(), { onSuccess: () => setBody('') });
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} size="h4" mb="md">
        {t('tasks.comments.title')}
      </Title>
      {comments.isPending ? (
        <Skeleton height={40} />
      ) : comments.isError ? (
        <ErrorAlert error={comments.error} onRetry={() => void comments.refetch()} />
      ) : comments.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tasks.comments.empty')}
        </Text>
      ) : (
        <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {comments.data.map((comment) => (
            <li key={comment.id} data-comment>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {comment.userName ?? '—'}
                </Text>
                <RelativeTime value={notInFuture(comment.createdAt)} />
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {comment.body}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      <form onSubmit={submit}>
        <Stack gap="xs" mt="lg">
          {add.error && <ErrorAlert error={add.error} />}
          <Textarea
            label={t('tasks.comments.label')}
            placeholder={t('tasks.comments.placeholder')}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={10_000}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button type="submit" variant="light" loading={add.isPending} disabled={!body.trim()}>
              {t('tasks.comments.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

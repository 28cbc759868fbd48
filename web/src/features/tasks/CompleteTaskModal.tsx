import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompleteTask } from '../../api/tasks.ts';
import type { Task } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';

interface Props {
  /** The task to complete; null keeps the dialog closed. */
  task: Task | null;
  onClose: () => void;
}

/** Completes a task with an optional note (it goes to the linked record's timeline). */
export function CompleteTaskModal({ task, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={task !== null} onClose={onClose} title={task ? t('tasks.completeFor', { title: task.title }) : ''}>
      {task && <CompleteForm key={task.id} task={task} onDone={onClose} />}
    </Modal>
  );
}

function CompleteForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const { t } = useTranslation();
  const complete = useCompleteTask();
  const [note, setNote] = useState('');
  const linked = Boolean(task.contactId || task.companyId || task.dealId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    complete.mutate(
      { id: task.id, note },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('tasks.completed', { title: task.title }) });
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        {complete.error && <ErrorAlert error={complete.error} />}
        <Textarea
          label={t('tasks.completeNote')}
          description={linked ? t('tasks.completeNoteHint') : undefined}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={10_000}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={complete.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="teal" loading={complete.isPending}>
            {t('tasks.completeConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

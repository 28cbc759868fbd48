import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBan, IconCircleCheck, IconPencil, IconRotate, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../api/auth.ts';
import { useDeleteTask, useReopenTask, useUpdateTask } from '../../api/tasks.ts';
import type { Task } from '../../api/types.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { errorSummary } from '../../components/errors.ts';
import { CompleteTaskModal } from './CompleteTaskModal.tsx';
import { TaskFormModal } from './TaskFormModal.tsx';

/** Complete or reopen, edit, cancel and delete a task (delete: its creator, a head or an admin). */
export function TaskActions({ task }: { task: Task }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const reopen = useReopenTask();
  const update = useUpdateTask();
  const remove = useDeleteTask();
  const [completing, setCompleting] = useState(false);
  const [editing, setEditing] = useState(false);
  const mayDelete = me.role === 'admin' || me.role === 'head' || task.createdBy === me.id;
  const fail = (error: Error) => notifications.show({ color: 'red', message: errorSummary(t, error) });

  return (
    <Group gap="xs">
      {task.status === 'open' ? (
        <Button color="teal" leftSection={<IconCircleCheck size={18} />} onClick={() => setCompleting(true)}>
          {t('tasks.complete')}
        </Button>
      ) : (
        <Button
          variant="light"
          leftSection={<IconRotate size={18} />}
          loading={reopen.isPending}
          onClick={() =>
            reopen.mutate(task.id, {
              onSuccess: () => notifications.show({ color: 'teal', message: t('tasks.reopened') }),
              onError: fail,
            })
          }
        >
          {t('tasks.reopen')}
        </Button>
      )}
      <Button variant="default" leftSection={<IconPencil size={18} />} onClick={() => setEditing(true)}>
        {t('common.edit')}
      </Button>
      {task.status === 'open' && (
        <ConfirmButton
          label={t('tasks.cancelTask')}
          title={t('tasks.cancelTitle')}
          message={t('tasks.cancelText', { title: task.title })}
          confirmLabel={t('tasks.cancelTask')}
          color="orange"
          icon={<IconBan size={18} />}
          loading={update.isPending}
          onConfirm={() =>
            update
              .mutateAsync({ id: task.id, version: task.version, changes: { status: 'canceled' } })
              .then(() => notifications.show({ color: 'teal', message: t('tasks.cancelDone') }))
              .catch((error: Error) => {
                fail(error);
                throw error;
              })
          }
        />
      )}
      {mayDelete && (
        <ConfirmButton
          label={t('common.delete')}
          title={t('tasks.deleteTitle')}
          message={t('tasks.deleteText', { title: task.title })}
          confirmLabel={t('common.delete')}
          icon={<IconTrash size={18} />}
          loading={remove.isPending}
          onConfirm={() =>
            remove
              .mutateAsync(task.id)
              .then(() => {
                notifications.show({ color: 'teal', message: t('tasks.deleteDone') });
                void navigate('/tasks', { replace: true });
              })
              .catch((error: Error) => {
                fail(error);
                throw error;
              })
          }
        />
      )}
      <CompleteTaskModal task={completing ? task : null} onClose={() => setCompleting(false)} />
      <TaskFormModal opened={editing} task={task} onClose={() => setEditing(false)} />
    </Group>
  );
}

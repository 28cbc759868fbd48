import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth.ts';
import { ApiError, api } from '../../api/client.ts';
import { taskChanged, useCreateTask, useUpdateTask } from '../../api/tasks.ts';
import type { Task } from '../../api/types.ts';
import { TaskForm } from './TaskForm.tsx';
import { changesOf, createOf, type TaskDefaults, valuesOfDefaults, valuesOfTask } from './taskFormValues.ts';
import { useTaskTypeNames } from './taskTypes.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The task to edit; without it a new one is created from `defaults`. */
  task?: Task;
  defaults?: TaskDefaults;
  onCreated?: (task: Task) => void;
}

/** Create or edit a task in a dialog. */
export function TaskFormModal({ opened, onClose, task, defaults, onCreated }: Props) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={task ? t('tasks.editTitle') : t('tasks.create')} size="lg">
      {opened &&
        (task ? (
          <EditTask key={task.id} task={task} onDone={onClose} />
        ) : (
          <CreateTask defaults={defaults ?? {}} onDone={onClose} onCreated={onCreated} />
        ))}
    </Modal>
  );
}

function CreateTask({
  defaults,
  onDone,
  onCreated,
}: {
  defaults: TaskDefaults;
  onDone: () => void;
  onCreated?: (task: Task) => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const create = useCreateTask();
  const { byKey, isPending } = useTaskTypeNames();
  if (isPending) return null;
  const initial = valuesOfDefaults(defaults, me.id, byKey.get(defaults.type ?? 'todo')?.reminderMinutes ?? null);

  return (
    <TaskForm
      initial={initial}
      submitLabel={t('tasks.create')}
      pending={create.isPending}
      error={create.error}
      onCancel={onDone}
      onSubmit={async (values) => {
        const created = await create.mutateAsync(createOf(values));
        notifications.show({ color: 'teal', message: t('tasks.created', { title: created.title }) });
        onCreated?.(created);
        onDone();
      }}
    />
  );
}

function EditTask({ task, onDone }: { task: Task; onDone: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const update = useUpdateTask();
  const [base, setBase] = useState(task);
  const [formKey, setFormKey] = useState(0);
  const stale = update.error instanceof ApiError && update.error.status === 412;

  async function reload() {
    const fresh = await api.get<Task>(`/tasks/${encodeURIComponent(task.id)}`);
    taskChanged(qc, fresh);
    setBase(fresh);
    update.reset();
    setFormKey((k) => k + 1);
  }

  return (
    <TaskForm
      key={formKey}
      task={base}
      initial={valuesOfTask(base)}
      submitLabel={t('common.save')}
      pending={update.isPending}
      error={update.error}
      onCancel={onDone}
      onReload={stale ? () => void reload() : undefined}
      onSubmit={async (values) => {
        const changes = changesOf(base, values);
        if (Object.keys(changes).length === 0) return onDone();
        await update.mutateAsync({ id: base.id, version: base.version, changes });
        notifications.show({ color: 'teal', message: t('tasks.saved') });
        onDone();
      }}
    />
  );
}

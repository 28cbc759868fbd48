import { Button, type ButtonProps } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../api/types.ts';
import { TaskFormModal } from './TaskFormModal.tsx';
import type { TaskDefaults } from './taskFormValues.ts';

export type { TaskDefaults } from './taskFormValues.ts';

/**
 * The "new task" dialog for any page: `open({ contactId })` shows it pre-filled, `dialog` renders it.
 *
 * ```tsx
 * const createTask = useCreateTaskDialog();
 * <Button onClick={() => createTask.open({ dealId: deal.id })}>…</Button>
 * {createTask.dialog}
 * ```
 */
export function useCreateTaskDialog(opts: { onCreated?: (task: Task) => void } = {}): {
  open: (defaults?: TaskDefaults) => void;
  dialog: ReactNode;
} {
  const [defaults, setDefaults] = useState<TaskDefaults | null>(null);
  const open = useCallback((next: TaskDefaults = {}) => setDefaults(next), []);
  const dialog = (
    <TaskFormModal
      opened={defaults !== null}
      defaults={defaults ?? {}}
      onClose={() => setDefaults(null)}
      onCreated={opts.onCreated}
    />
  );
  return { open, dialog };
}

interface Props extends TaskDefaults {
  /** Button text; "Aufgabe anlegen" by default. */
  label?: string;
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  onCreated?: (task: Task) => void;
}

/** A button that opens the "new task" dialog, pre-filled with the record it sits on (contactId, dealId, companyId). */
export function CreateTaskButton({ label, variant, size, onCreated, ...defaults }: Props) {
  const { t } = useTranslation();
  const { open, dialog } = useCreateTaskDialog({ onCreated });
  return (
    <>
      <Button variant={variant} size={size} leftSection={<IconPlus size={16} />} onClick={() => open(defaults)}>
        {label ?? t('tasks.create')}
      </Button>
      {dialog}
    </>
  );
}

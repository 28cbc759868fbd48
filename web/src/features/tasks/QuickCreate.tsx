import { ActionIcon, Group, Select, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateTask } from '../../api/tasks.ts';
import { errorSummary } from '../../components/errors.ts';
import { formatDue } from './format.ts';
import { quickDue } from './quickDue.ts';
import { useTaskTypeNames } from './taskTypes.tsx';
import type { TaskView } from './views.ts';

/** Title, type, Enter: a task for me, due as the open tab suggests. */
export function QuickCreate({ view }: { view: TaskView }) {
  const { t } = useTranslation();
  const create = useCreateTask();
  const { options } = useTaskTypeNames();
  const [title, setTitle] = useState('');
  const [type, setType] = useState('todo');
  const due = quickDue(view);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    create.mutate(
      { title: title.trim(), type, ...(due ? { dueAt: due } : {}) },
      {
        onSuccess: (task) => {
          setTitle('');
          notifications.show({ color: 'teal', message: t('tasks.created', { title: task.title }) });
        },
        onError: (error) => notifications.show({ color: 'red', message: errorSummary(t, error) }),
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label={t('tasks.quick.label')}>
      <Group gap="xs" align="flex-end" wrap="nowrap" mb="md">
        <TextInput
          aria-label={t('tasks.quick.label')}
          placeholder={t('tasks.quick.placeholder')}
          description={due ? `${t('tasks.fields.dueAt')}: ${formatDue(due)}` : undefined}
          inputWrapperOrder={['input', 'description']}
          value={title}
          maxLength={300}
          onChange={(event) => setTitle(event.currentTarget.value)}
          style={{ flex: '1 1 auto', minWidth: 0 }}
        />
        <Select
          aria-label={t('tasks.fields.type')}
          data={options}
          value={type}
          allowDeselect={false}
          onChange={(value) => setType(value ?? 'todo')}
          w={{ base: 116, sm: 160 }}
          style={{ flex: '0 0 auto', alignSelf: 'flex-start' }}
        />
        <Tooltip label={t('tasks.quick.add')} withArrow>
          <ActionIcon
            type="submit"
            size={36}
            loading={create.isPending}
            disabled={!title.trim()}
            aria-label={t('tasks.quick.add')}
            style={{ alignSelf: 'flex-start' }}
          >
            <IconPlus size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </form>
  );
}

import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth.ts';
import type { Task } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { useValidators } from '../../components/forms.ts';
import { DatesLocale } from '../customers/DatesLocale.tsx';
import { useActiveUsers } from '../customers/useUserNames.ts';
import { RecordSelect } from './RecordSelect.tsx';
import type { TaskFormValues } from './taskFormValues.ts';
import { useTaskTypeNames } from './taskTypes.tsx';

export const TASK_FIELDS = [
  'title',
  'type',
  'dueAt',
  'reminderMinutes',
  'assigneeId',
  'contactId',
  'companyId',
  'dealId',
  'description',
] as const;

interface Props {
  initial: TaskFormValues;
  /** The task being edited (names of its links); absent when creating. */
  task?: Task;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  /** Saves; a rejected promise with an API error puts its field errors next to the fields. */
  onSubmit: (values: TaskFormValues) => Promise<unknown>;
  onCancel: () => void;
  /** Reload button for a version conflict (412). */
  onReload?: () => void;
}

/** The fields of a task, for creating and editing it. */
export function TaskForm({ initial, task, submitLabel, pending, error, onSubmit, onCancel, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const users = useActiveUsers();
  const { byKey, options } = useTaskTypeNames();
  const v = useValidators();
  const form = useForm<TaskFormValues>({
    initialValues: initial,
    validate: { title: v.required },
    onValuesChange: (values, previous) => {
      // A new type brings its default reminder, unless the user set one.
      if (values.type !== previous.type && !form.isDirty('reminderMinutes')) {
        const reminder = byKey.get(values.type)?.reminderMinutes ?? '';
        form.setFieldValue('reminderMinutes', reminder);
        form.resetDirty({ ...values, reminderMinutes: reminder });
      }
    },
  });
  const submit = form.onSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (err) {
      form.setErrors(fieldErrorsOf(t, err));
    }
  });

  const type = byKey.get(form.values.type);
  const labels: Record<string, string> = {
    title: t('tasks.fields.title'),
    type: t('tasks.fields.type'),
    dueAt: t('tasks.fields.dueAt'),
    reminderMinutes: t('tasks.fields.reminderMinutes'),
    assigneeId: t('tasks.fields.assignee'),
    contactId: t('tasks.fields.contact'),
    companyId: t('tasks.fields.company'),
    dealId: t('tasks.fields.deal'),
    description: t('tasks.fields.description'),
  };
  const typeReminder =
    type?.reminderMinutes == null ? t('tasks.noReminder') : t('tasks.minutes', { count: type.reminderMinutes });
  const dueHint = task
    ? undefined
    : type?.slaMinutes
      ? t('tasks.dueHintSla', { minutes: type.slaMinutes })
      : t('tasks.dueHintNone');

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {Boolean(error) && (
          <ErrorAlert
            error={error}
            fieldLabels={labels}
            hideFields={TASK_FIELDS}
            onRetry={onReload}
            retryLabel={t('common.reload')}
          />
        )}
        <TextInput label={labels.title} required maxLength={300} data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label={labels.type} required allowDeselect={false} data={options} {...form.getInputProps('type')} />
          <DatesLocale>
            <DateTimePicker
              label={labels.dueAt}
              description={dueHint}
              clearable
              valueFormat={i18n.language === 'en' ? 'DD/MM/YYYY HH:mm' : 'DD.MM.YYYY HH:mm'}
              timePickerProps={{ format: '24h' }}
              {...form.getInputProps('dueAt')}
            />
          </DatesLocale>
          <NumberInput
            label={labels.reminderMinutes}
            description={t('tasks.reminderHint', { value: typeReminder })}
            min={0}
            max={43_200}
            step={5}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('reminderMinutes')}
          />
          <Select
            label={labels.assigneeId}
            searchable
            allowDeselect={false}
            disabled={me.role === 'specialist'}
            nothingFoundMessage={t('common.nothingFound')}
            data={users.map((user) => ({ value: user.id, label: user.name }))}
            {...form.getInputProps('assigneeId')}
          />
          <RecordSelect
            kind="contact"
            label={labels.contactId}
            currentName={task?.contactName}
            {...form.getInputProps('contactId')}
          />
          <RecordSelect
            kind="company"
            label={labels.companyId}
            currentName={task?.companyName}
            {...form.getInputProps('companyId')}
          />
          <RecordSelect kind="deal" label={labels.dealId} currentName={task?.dealTitle} {...form.getInputProps('dealId')} />
        </SimpleGrid>
        <Textarea
          label={labels.description}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={10_000}
          {...form.getInputProps('description')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCreateTaskType, useUpdateTaskType } from '../../api/tasks.ts';
import type { TaskType } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { useValidators } from '../../components/forms.ts';

interface Values {
  key: string;
  nameDe: string;
  nameEn: string;
  reminderMinutes: number | string;
  slaMinutes: number | string;
}

const FIELDS = ['key', 'nameDe', 'nameEn', 'reminderMinutes', 'slaMinutes'];
const minutes = (value: number | string) => (typeof value === 'number' ? value : null);

interface Props {
  opened: boolean;
  /** The type to edit; null adds a new one. */
  type: TaskType | null;
  onClose: () => void;
}

export function TaskTypeModal({ opened, type, onClose }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        type
          ? t('workSettings.types.edit', { name: i18n.language === 'en' ? type.nameEn : type.nameDe })
          : t('workSettings.types.add')
      }
    >
      {opened && <TaskTypeForm key={type?.key ?? 'new'} type={type} onDone={onClose} />}
    </Modal>
  );
}

function TaskTypeForm({ type, onDone }: { type: TaskType | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateTaskType();
  const update = useUpdateTaskType();
  const mutation = type ? update : create;
  const v = useValidators();
  const form = useForm<Values>({
    initialValues: {
      key: type?.key ?? '',
      nameDe: type?.nameDe ?? '',
      nameEn: type?.nameEn ?? '',
      reminderMinutes: type?.reminderMinutes ?? '',
      slaMinutes: type?.slaMinutes ?? '',
    },
    validate: {
      key: (value) => (type ? null : /^[a-z][a-z0-9_-]{0,39}$/.test(value) ? null : t('workSettings.types.keyHint')),
      nameDe: v.required,
      nameEn: v.required,
    },
  });
  const labels: Record<string, string> = {
    key: t('workSettings.types.key'),
    nameDe: t('workSettings.types.nameDe'),
    nameEn: t('workSettings.types.nameEn'),
    reminderMinutes: t('workSettings.types.reminderMinutes'),
    slaMinutes: t('workSettings.types.slaMinutes'),
  };

  const submit = form.onSubmit(async (values) => {
    const body = {
      nameDe: values.nameDe.trim(),
      nameEn: values.nameEn.trim(),
      reminderMinutes: minutes(values.reminderMinutes),
      slaMinutes: minutes(values.slaMinutes),
    };
    try {
      const saved = type
        ? await update.mutateAsync({ key: type.key, changes: body })
        : await create.mutateAsync({ key: values.key.trim(), ...body });
      const name = i18n.language === 'en' ? saved.nameEn : saved.nameDe;
      notifications.show({
        color: 'teal',
        message: t(type ? 'workSettings.types.updated' : 'workSettings.types.created', { name }),
      });
      onDone();
    } catch (error) {
      form.setErrors(fieldErrorsOf(t, error));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mutation.error && <ErrorAlert error={mutation.error} fieldLabels={labels} hideFields={FIELDS} />}
        {!type && (
          <TextInput
            label={labels.key}
            description={t('workSettings.types.keyHint')}
            required
            maxLength={40}
            data-autofocus
            {...form.getInputProps('key')}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={labels.nameDe}
            required
            maxLength={60}
            data-autofocus={type ? true : undefined}
            {...form.getInputProps('nameDe')}
          />
          <TextInput label={labels.nameEn} required maxLength={60} {...form.getInputProps('nameEn')} />
          <NumberInput
            label={labels.reminderMinutes}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('reminderMinutes')}
          />
          <NumberInput
            label={labels.slaMinutes}
            min={1}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('slaMinutes')}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('workSettings.types.slaHint')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {type ? t('common.save') : t('workSettings.types.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

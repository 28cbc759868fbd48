import { Button, Group, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateCustomField, useUpdateCustomField } from '../../api/customFields.ts';
import type { CustomField, CustomFieldEntity, CustomFieldType, UpdateCustomField } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { KEY_PATTERN, keyFromLabel } from './fieldKey.ts';

export const FIELD_TYPES: readonly CustomFieldType[] = [
  'text',
  'number',
  'money',
  'date',
  'datetime',
  'boolean',
  'select',
  'multiselect',
];

const hasOptions = (type: CustomFieldType) => type === 'select' || type === 'multiselect';

interface Values {
  label: string;
  key: string;
  type: CustomFieldType;
  options: string[];
  required: boolean;
}

interface Props {
  entity: CustomFieldEntity;
  field: CustomField | null;
  onDone: () => void;
}

/** Define a field (label, key, type, options, required) or change label, options and required of one. */
export function CustomFieldForm({ entity, field, onDone }: Props) {
  const { t } = useTranslation();
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const mutation = field ? update : create;
  // The key follows the label until the admin edits it.
  const [keyTouched, setKeyTouched] = useState(false);
  const form = useForm<Values>({
    initialValues: {
      label: field?.label ?? '',
      key: field?.key ?? '',
      type: field?.type ?? 'text',
      options: field?.options ?? [],
      required: field?.required ?? false,
    },
    validate: {
      label: (value) => (value.trim() === '' ? t('validation.required') : null),
      key: (value) => (field || KEY_PATTERN.test(value) ? null : t('customFields.keyInvalid')),
      options: (value, values) => (hasOptions(values.type) && value.length === 0 ? t('customFields.optionsRequired') : null),
    },
  });
  const labels: Record<string, string> = {
    label: t('customFields.label'),
    key: t('customFields.key'),
    type: t('customFields.type'),
    options: t('customFields.options'),
    required: t('customFields.required'),
  };

  const onError = (error: Error) => form.setErrors(fieldErrorsOf(t, error));
  const onSuccess = (saved: CustomField) => {
    notifications.show({
      color: 'teal',
      message: t(field ? 'customFields.updated' : 'customFields.created', { name: saved.label }),
    });
    onDone();
  };

  const submit = form.onSubmit((values) => {
    const options = hasOptions(values.type) ? values.options : [];
    if (!field) {
      create.mutate(
        { entity, key: values.key, label: values.label.trim(), type: values.type, options, required: values.required },
        { onSuccess, onError },
      );
      return;
    }
    const changes: UpdateCustomField = {};
    if (values.label.trim() !== field.label) changes.label = values.label.trim();
    if (JSON.stringify(options) !== JSON.stringify(field.options)) changes.options = options;
    if (values.required !== field.required) changes.required = values.required;
    if (Object.keys(changes).length === 0) return onDone();
    update.mutate({ id: field.id, version: field.version, changes }, { onSuccess, onError });
  });

  const labelProps = form.getInputProps('label');
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mutation.error && <ErrorAlert error={mutation.error} fieldLabels={labels} hideFields={Object.keys(form.errors)} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={labels.label}
            required
            data-autofocus
            {...labelProps}
            onChange={(event) => {
              const label = event.currentTarget.value;
              form.setFieldValue('label', label);
              if (!field && !keyTouched) form.setFieldValue('key', keyFromLabel(label));
            }}
          />
          <TextInput
            label={labels.key}
            description={field ? t('customFields.keyFixed') : t('customFields.keyHint')}
            required={!field}
            disabled={field !== null}
            ff="monospace"
            {...form.getInputProps('key')}
            onChange={(event) => {
              setKeyTouched(true);
              form.setFieldValue('key', event.currentTarget.value);
            }}
          />
          <Select
            label={labels.type}
            required
            allowDeselect={false}
            disabled={field !== null}
            description={field ? t('customFields.typeFixed') : undefined}
            data={FIELD_TYPES.map((type) => ({ value: type, label: t(`customFields.types.${type}`) }))}
            {...form.getInputProps('type')}
          />
          <Switch
            label={labels.required}
            description={t('customFields.requiredHint')}
            mt={{ base: 0, sm: 'xl' }}
            {...form.getInputProps('required', { type: 'checkbox' })}
          />
        </SimpleGrid>
        {hasOptions(form.values.type) && (
          <TagsInput
            label={labels.options}
            description={t('customFields.optionsHint')}
            required
            clearable
            {...form.getInputProps('options')}
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {field ? t('common.save') : t('customFields.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

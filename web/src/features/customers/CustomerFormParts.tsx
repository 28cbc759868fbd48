import { Button, Group, TagsInput, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../api/types.ts';
import { AddressFields } from './AddressFields.tsx';
import { CustomFieldsFieldset } from './CustomFieldsFieldset.tsx';
import type { CustomerValues } from './customerFormValues.ts';
import { requiredErrors } from './customFieldForm.ts';

// The parts of the contact and company forms that are the same: labels, checks, the lower half.

/** Labels of the fields both forms have, by their input path (server field errors use the same paths). */
export function customerFieldLabels(t: TFunction, fields: CustomField[]): Record<string, string> {
  return {
    email: t('customers.email'),
    phone: t('customers.phone'),
    ownerId: t('customers.owner'),
    externalId: t('customers.externalId'),
    'address.street': t('customers.street'),
    'address.zip': t('customers.zip'),
    'address.city': t('customers.city'),
    'address.country': t('customers.country'),
    ...Object.fromEntries(fields.map((field) => [`customFields.${field.key}`, field.label])),
  };
}

/** Client-side checks of the shared fields: a plausible e-mail and the required custom fields. */
export function customerErrors(t: TFunction, fields: CustomField[], values: CustomerValues): Record<string, string> {
  return {
    ...(values.email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())
      ? { email: t('validation.email') }
      : {}),
    ...requiredErrors(fields, values.customFields, t('validation.required')),
  };
}

type AnyForm = UseFormReturnType<any>;

export function TagsField({ form }: { form: AnyForm }) {
  const { t } = useTranslation();
  return (
    <TagsInput label={t('customers.tags')} description={t('customers.tagsHint')} clearable {...form.getInputProps('tags')} />
  );
}

interface RestProps {
  form: AnyForm;
  fields: CustomField[];
  labels: Record<string, string>;
  submitLabel: string;
  pending: boolean;
  stale: boolean;
  onCancel: () => void;
}

/** Address, custom fields, external id and the buttons, below each form's own fields. */
export function CustomerFormRest({ form, fields, labels, submitLabel, pending, stale, onCancel }: RestProps) {
  const { t } = useTranslation();
  return (
    <>
      <AddressFields form={form} />
      <CustomFieldsFieldset fields={fields} form={form} />
      <TextInput
        label={labels.externalId}
        description={t('customers.externalIdHint')}
        {...form.getInputProps('externalId')}
        w={{ base: '100%', sm: '50%' }}
      />
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onCancel} disabled={pending}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={pending} disabled={stale}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}

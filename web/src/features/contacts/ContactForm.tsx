import { Button, Group, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth.ts';
import { ApiError, api } from '../../api/client.ts';
import { type CreatedContact, customerKey, useCreateCustomer, useUpdateCustomer } from '../../api/customers.ts';
import { useEntityFields } from '../../api/customFields.ts';
import type { Contact } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { AddressFields } from '../customers/AddressFields.tsx';
import { CompanySelect } from '../customers/CompanySelect.tsx';
import { CustomFieldsFieldset } from '../customers/CustomFieldsFieldset.tsx';
import { requiredErrors } from '../customers/customFieldForm.ts';
import { DatesLocale } from '../customers/DatesLocale.tsx';
import { OwnerSelect } from '../customers/OwnerSelect.tsx';
import { type ContactValues, contactValues, createInput, updateInput } from './contactFormValues.ts';

interface Props {
  contact: Contact | null;
  onCreated: (contact: CreatedContact) => void;
  onSaved: (contact: Contact) => void;
  onCancel: () => void;
}

/** Create or edit a contact with its custom fields; server field errors appear at their inputs. */
export function ContactForm({ contact, onCreated, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const fields = useEntityFields('contact');
  const create = useCreateCustomer('contact');
  const update = useUpdateCustomer('contact');
  const mutation = contact ? update : create;
  const [base, setBase] = useState(contact);
  const form = useForm<ContactValues>({
    initialValues: contactValues(contact, fields, me.id),
    validate: (values) => ({
      ...(values.firstName.trim() === '' && values.lastName.trim() === '' ? { lastName: t('contacts.nameRequired') } : {}),
      ...(values.email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())
        ? { email: t('validation.email') }
        : {}),
      ...requiredErrors(fields, values.customFields, t('validation.required')),
    }),
  });

  const labels: Record<string, string> = {
    firstName: t('contacts.firstName'),
    lastName: t('contacts.lastName'),
    email: t('customers.email'),
    phone: t('customers.phone'),
    companyId: t('contacts.company'),
    ownerId: t('customers.owner'),
    source: t('customers.source'),
    externalId: t('customers.externalId'),
    'address.street': t('customers.street'),
    'address.zip': t('customers.zip'),
    'address.city': t('customers.city'),
    'address.country': t('customers.country'),
    ...Object.fromEntries(fields.map((field) => [`customFields.${field.key}`, field.label])),
  };
  const onError = (error: Error) => form.setErrors(fieldErrorsOf(t, error));

  async function reload() {
    if (!base) return;
    const fresh = await qc.fetchQuery({
      queryKey: [...customerKey('contact'), 'detail', base.id],
      queryFn: () => api.get<Contact>(`/contacts/${encodeURIComponent(base.id)}`),
      staleTime: 0,
    });
    setBase(fresh);
    form.setValues(contactValues(fresh, fields, me.id));
    form.resetDirty();
    update.reset();
  }

  const submit = form.onSubmit((values) => {
    if (!base) {
      create.mutate(createInput(values, fields), { onSuccess: (created) => onCreated(created as CreatedContact), onError });
      return;
    }
    const changes = updateInput(base, values, fields);
    if (Object.keys(changes).length === 0) return onSaved(base);
    update.mutate({ id: base.id, version: base.version, changes }, { onSuccess: onSaved, onError });
  });

  const stale = mutation.error instanceof ApiError && mutation.error.status === 412;

  return (
    <DatesLocale>
      <form onSubmit={submit} noValidate>
        <Stack>
          {mutation.error && (
            <ErrorAlert
              error={mutation.error}
              fieldLabels={labels}
              // errors of fields with an input show there; others (e.g. a field defined meanwhile) show here
              hideFields={Object.keys(labels)}
              onRetry={stale ? () => void reload() : undefined}
              retryLabel={t('common.reload')}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={labels.firstName} data-autofocus {...form.getInputProps('firstName')} />
            <TextInput label={labels.lastName} {...form.getInputProps('lastName')} />
            <TextInput label={labels.email} type="email" {...form.getInputProps('email')} />
            <TextInput label={labels.phone} type="tel" {...form.getInputProps('phone')} />
            <CompanySelect currentName={base?.companyName} {...form.getInputProps('companyId')} />
            <OwnerSelect allowDeselect={false} {...form.getInputProps('ownerId')} />
            <TextInput label={labels.source} placeholder={t('contacts.sourcePlaceholder')} {...form.getInputProps('source')} />
            <TagsInput
              label={t('customers.tags')}
              description={t('customers.tagsHint')}
              clearable
              {...form.getInputProps('tags')}
            />
          </SimpleGrid>
          <AddressFields form={form} />
          <CustomFieldsFieldset fields={fields} form={form} />
          <TextInput
            label={labels.externalId}
            description={t('customers.externalIdHint')}
            {...form.getInputProps('externalId')}
            w={{ base: '100%', sm: '50%' }}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onCancel} disabled={mutation.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={stale}>
              {contact ? t('common.save') : t('contacts.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DatesLocale>
  );
}

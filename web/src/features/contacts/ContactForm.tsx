import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { type CreatedContact, useCreateCustomer, useFetchCustomer, useUpdateCustomer } from '../../api/customers.ts';
import { useEntityFields } from '../../api/customFields.ts';
import type { Contact } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { CompanySelect } from '../customers/CompanySelect.tsx';
import { CustomerFormRest, customerErrors, customerFieldLabels, TagsField } from '../customers/CustomerFormParts.tsx';
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
  const fields = useEntityFields('contact');
  const create = useCreateCustomer('contact');
  const update = useUpdateCustomer('contact');
  const fetchFresh = useFetchCustomer('contact');
  const mutation = contact ? update : create;
  const [base, setBase] = useState(contact);
  const form = useForm<ContactValues>({
    initialValues: contactValues(contact, fields, me.id),
    validate: (values) => ({
      ...(values.firstName.trim() === '' && values.lastName.trim() === '' ? { lastName: t('contacts.nameRequired') } : {}),
      ...customerErrors(t, fields, values),
    }),
  });

  const labels: Record<string, string> = {
    firstName: t('contacts.firstName'),
    lastName: t('contacts.lastName'),
    companyId: t('contacts.company'),
    source: t('customers.source'),
    ...customerFieldLabels(t, fields),
  };
  const onError = (error: Error) => form.setErrors(fieldErrorsOf(t, error));

  async function reload() {
    if (!base) return;
    const fresh = await fetchFresh(base.id);
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
            <TagsField form={form} />
          </SimpleGrid>
          <CustomerFormRest
            form={form}
            fields={fields}
            labels={labels}
            submitLabel={contact ? t('common.save') : t('contacts.create')}
            pending={mutation.isPending}
            stale={stale}
            onCancel={onCancel}
          />
        </Stack>
      </form>
    </DatesLocale>
  );
}

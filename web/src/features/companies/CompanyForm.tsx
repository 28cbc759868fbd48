import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { useCreateCustomer, useFetchCustomer, useUpdateCustomer } from '../../api/customers.ts';
import { useEntityFields } from '../../api/customFields.ts';
import type { Company } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';
import { CustomerFormRest, customerErrors, customerFieldLabels, TagsField } from '../customers/CustomerFormParts.tsx';
import { DatesLocale } from '../customers/DatesLocale.tsx';
import { safeWebUrl } from '../customers/links.tsx';
import { OwnerSelect } from '../customers/OwnerSelect.tsx';
import { type CompanyValues, companyValues, createInput, updateInput } from './companyFormValues.ts';

interface Props {
  company: Company | null;
  onDone: (company: Company, created: boolean) => void;
  onCancel: () => void;
}

/** Create or edit a company with its custom fields; server field errors appear at their inputs. */
export function CompanyForm({ company, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const fields = useEntityFields('company');
  const create = useCreateCustomer('company');
  const update = useUpdateCustomer('company');
  const fetchFresh = useFetchCustomer('company');
  const mutation = company ? update : create;
  const [base, setBase] = useState(company);
  const form = useForm<CompanyValues>({
    initialValues: companyValues(company, fields, me.id),
    validate: (values) => ({
      ...(values.name.trim() === '' ? { name: t('validation.required') } : {}),
      ...(values.website.trim() !== '' && !safeWebUrl(values.website) ? { website: t('companies.websiteInvalid') } : {}),
      ...customerErrors(t, fields, values),
    }),
  });

  const labels: Record<string, string> = {
    name: t('customers.name'),
    website: t('companies.website'),
    ...customerFieldLabels(t, fields),
  };
  const onError = (error: Error) => form.setErrors(fieldErrorsOf(t, error));

  async function reload() {
    if (!base) return;
    const fresh = await fetchFresh(base.id);
    setBase(fresh);
    form.setValues(companyValues(fresh, fields, me.id));
    form.resetDirty();
    update.reset();
  }

  const submit = form.onSubmit((values) => {
    if (!base) {
      create.mutate(createInput(values, fields), { onSuccess: (created) => onDone(created, true), onError });
      return;
    }
    const changes = updateInput(base, values, fields);
    if (Object.keys(changes).length === 0) return onDone(base, false);
    update.mutate({ id: base.id, version: base.version, changes }, { onSuccess: (saved) => onDone(saved, false), onError });
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
            <TextInput label={labels.name} required data-autofocus {...form.getInputProps('name')} />
            <TextInput label={labels.website} placeholder="https://" {...form.getInputProps('website')} />
            <TextInput label={labels.email} type="email" {...form.getInputProps('email')} />
            <TextInput label={labels.phone} type="tel" {...form.getInputProps('phone')} />
            <OwnerSelect allowDeselect={false} {...form.getInputProps('ownerId')} />
            <TagsField form={form} />
          </SimpleGrid>
          <CustomerFormRest
            form={form}
            fields={fields}
            labels={labels}
            submitLabel={company ? t('common.save') : t('companies.create')}
            pending={mutation.isPending}
            stale={stale}
            onCancel={onCancel}
          />
        </Stack>
      </form>
    </DatesLocale>
  );
}

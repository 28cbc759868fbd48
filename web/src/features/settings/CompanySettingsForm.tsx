import { Button, Fieldset, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useUpdateCompanySettings } from '../../api/settings.ts';
import type { CompanySettings, UpdateCompanySettings } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { fieldErrorsOf } from '../../components/errors.ts';

type Values = Required<UpdateCompanySettings>;

function valuesOf(s: CompanySettings): Values {
  const { updatedAt: _updatedAt, version: _version, ...values } = s;
  return values;
}

/** The company's own data for documents; saved whole, guarded by the settings' version. */
export function CompanySettingsForm({ settings, onReload }: { settings: CompanySettings; onReload: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCompanySettings();
  const form = useForm<Values>({
    initialValues: valuesOf(settings),
    validate: {
      address: { country: (value) => (value !== '' && !/^[A-Za-z]{2}$/.test(value) ? t('company.countryInvalid') : null) },
    },
    transformValues: (values) => ({
      ...values,
      address: { ...values.address, country: values.address.country.toUpperCase() },
    }),
  });

  const submit = form.onSubmit((values) =>
    update.mutate(
      { version: settings.version, changes: values },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('company.saved') }),
        onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
      },
    ),
  );
  const stale = update.error instanceof ApiError && update.error.status === 412;
  const input = (path: Parameters<typeof form.getInputProps>[0]) => form.getInputProps(path);

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={880}>
        {update.error && (
          <ErrorAlert
            error={update.error}
            hideFields={Object.keys(form.errors)}
            onRetry={stale ? onReload : undefined}
            retryLabel={t('common.reload')}
          />
        )}
        <Fieldset legend={t('company.sectionCompany')}>
          <TextInput label={t('company.legalName')} maxLength={200} {...input('legalName')} />
        </Fieldset>
        <Fieldset legend={t('company.sectionAddress')}>
          <Stack gap="sm">
            <TextInput label={t('company.street')} autoComplete="street-address" maxLength={200} {...input('address.street')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('company.zip')} autoComplete="postal-code" maxLength={20} {...input('address.zip')} />
              <TextInput label={t('company.city')} autoComplete="address-level2" maxLength={120} {...input('address.city')} />
              <TextInput
                label={t('company.country')}
                description={t('company.countryHint')}
                maxLength={2}
                autoComplete="country"
                {...input('address.country')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('company.sectionTax')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('company.vatId')} maxLength={40} {...input('vatId')} />
            <TextInput label={t('company.taxNumber')} maxLength={40} {...input('taxNumber')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('company.sectionBank')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('company.bankName')} maxLength={120} {...input('bankName')} />
            <TextInput label={t('company.iban')} maxLength={42} {...input('iban')} />
            <TextInput label={t('company.bic')} maxLength={11} {...input('bic')} />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('company.sectionDocuments')}>
          <Stack gap="sm">
            <Textarea label={t('company.paymentTerms')} autosize minRows={2} maxLength={500} {...input('paymentTerms')} />
            <Textarea
              label={t('company.footer')}
              description={t('company.footerHint')}
              autosize
              minRows={3}
              maxLength={2000}
              {...input('footer')}
            />
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty() || update.isPending}>
            {t('common.discard')}
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty() || stale}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

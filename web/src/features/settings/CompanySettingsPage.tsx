import { Fieldset } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCompanySettings } from '../../api/settings.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CompanyLogo } from './CompanyLogo.tsx';
import { CompanySettingsForm } from './CompanySettingsForm.tsx';

export function CompanySettingsPage() {
  const { t } = useTranslation();
  const settings = useCompanySettings();
  return (
    <>
      <PageHeader title={t('company.title')} description={t('company.description')} />
      <Fieldset legend={t('documents.logo.title')} maw={880} mb="md">
        <CompanyLogo />
      </Fieldset>
      {settings.isPending ? (
        <LoadingState />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <CompanySettingsForm key={settings.data.version} settings={settings.data} onReload={() => void settings.refetch()} />
      )}
    </>
  );
}

import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWorkSettings } from '../../api/workSettings.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TaskTypesTable } from './TaskTypesTable.tsx';
import { WorkSettingsForm } from './WorkSettingsForm.tsx';

/** Administration: business hours, escalation fallback and task types. */
export function WorkSettingsPage() {
  const { t } = useTranslation();
  const settings = useWorkSettings();
  return (
    <>
      <PageHeader title={t('workSettings.title')} description={t('workSettings.description')} />
      <Stack gap="lg">
        {settings.isPending ? (
          <LoadingState />
        ) : settings.isError ? (
          <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <WorkSettingsForm settings={settings.data} />
        )}
        <TaskTypesTable />
      </Stack>
    </>
  );
}

import { Alert, Button, Code, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArchive, IconDatabaseExport } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBackups, useStartBackup } from '../../api/backups.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorSummary } from '../../components/errors.ts';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { BackupProgress } from './BackupProgress.tsx';
import { BackupsTable } from './BackupsTable.tsx';

/** Administration → Backups: take one now (with progress), see the last ones and their state, download them. */
export function BackupsPage() {
  const { t } = useTranslation();
  const backups = useBackups();
  const start = useStartBackup();
  const job = backups.data?.job ?? null;
  const running = job?.state === 'running';

  // Tell the admin once when the backup they watched has finished.
  const watched = useRef<string | null>(null);
  useEffect(() => {
    if (!job) return;
    if (job.state === 'running') watched.current = job.id;
    else if (watched.current === job.id) {
      watched.current = null;
      if (job.state === 'done') notifications.show({ color: 'teal', message: t('backups.done') });
      else notifications.show({ color: 'red', title: t('backups.failed'), message: job.error ?? '' });
    }
  }, [job, t]);

  const startNow = () =>
    start.mutate(undefined, {
      onError: (error) => notifications.show({ color: 'red', title: t('backups.failed'), message: errorSummary(t, error) }),
    });

  const action = (
    <Button leftSection={<IconDatabaseExport size={18} />} onClick={startNow} loading={start.isPending || running}>
      {t('backups.create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('backups.title')} description={t('backups.description')} actions={action} />
      {running && job && <BackupProgress job={job} />}
      {backups.data?.lastFailure && !running && (
        <Alert color="red" icon={<IconAlertTriangle />} mb="md" title={t('backups.failed')}>
          {t('backups.lastFailure', {
            at: formatDateTime(backups.data.lastFailure.at),
            kind: t(`backups.kind.${backups.data.lastFailure.kind}`),
            error: backups.data.lastFailure.error,
          })}
        </Alert>
      )}
      <Paper withBorder radius="md">
        {backups.isPending ? (
          <TableSkeleton columns={6} rows={3} />
        ) : backups.isError ? (
          <ErrorAlert error={backups.error} onRetry={() => void backups.refetch()} />
        ) : backups.data.items.length === 0 ? (
          <EmptyState icon={<IconArchive />} title={t('backups.empty')} description={t('backups.emptyText')} />
        ) : (
          <BackupsTable backups={backups.data.items} />
        )}
      </Paper>
      {backups.data && (
        <Text size="sm" c="dimmed" mt="md">
          {t('backups.folder')} <Code>{backups.data.directory}</Code>. {t('backups.restoreHint')}
        </Text>
      )}
    </>
  );
}

import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BackupJob } from '../../api/backups.ts';
import { formatNumber } from '../../i18n/format.ts';
import { formatBytes } from './format.ts';

/** The running backup: its phase and how far it is. */
export function BackupProgress({ job }: { job: BackupJob }) {
  const { t } = useTranslation();
  const percent = job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : 0;
  const detail =
    job.phase === 'database'
      ? t('backups.progress.pages', { done: formatNumber(job.done), total: formatNumber(job.total) })
      : job.phase === 'verify'
        ? ''
        : t('backups.progress.bytes', { done: formatBytes(job.done), total: formatBytes(job.total) });
  return (
    <Paper withBorder radius="md" p="md" mb="md" aria-live="polite">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={500}>{t(`backups.phase.${job.phase}`)}</Text>
          <Text size="sm" c="dimmed">
            {detail}
          </Text>
        </Group>
        <Progress value={job.phase === 'verify' ? 100 : percent} animated aria-label={t('backups.running')} />
      </Stack>
    </Paper>
  );
}

import { Alert, Anchor, Group, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Import } from '../../api/types.ts';
import { formatNumber } from '../../i18n/format.ts';

function Count({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  return (
    <Stack gap={0} data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="xl" c={color}>
        {formatNumber(value)}
      </Text>
    </Stack>
  );
}

/** The error report download, only for the server's own path. */
function reportUrl(job: Import, lang: string): string | null {
  return job.errorReport.startsWith('/api/') ? `${job.errorReport}?lang=${lang}` : null;
}

/** Progress while an import runs, then what it did: counts, the row errors and the error report. */
export function ImportResult({ job }: { job: Import }) {
  const { t, i18n } = useTranslation();
  const running = job.status === 'queued' || job.status === 'running';
  const percent = job.total > 0 ? Math.round((job.processed / job.total) * 100) : running ? 0 : 100;
  const report = reportUrl(job, i18n.language);

  return (
    <Stack>
      <div>
        <Group justify="space-between" mb={4}>
          <Text size="sm" fw={600}>
            {running ? t('imports.running') : job.dryRun ? t('imports.dryRunDone') : t('imports.done')}
          </Text>
          <Text size="sm" c="dimmed" data-testid="import-progress-text">
            {t('imports.progress', { processed: formatNumber(job.processed), total: formatNumber(job.total) })}
          </Text>
        </Group>
        <Progress
          value={percent}
          size="lg"
          radius="xl"
          animated={running}
          striped={running}
          color={job.status === 'failed' ? 'red' : job.failed > 0 ? 'yellow' : 'teal'}
          aria-label={t('imports.progressLabel')}
        />
      </div>
      {job.status === 'failed' && (
        <Alert color="red" icon={<IconAlertTriangle />} title={t('imports.failed')}>
          {job.message}
        </Alert>
      )}
      {job.status === 'done' && (
        <Alert
          color={job.failed > 0 ? 'yellow' : 'teal'}
          icon={job.failed > 0 ? <IconAlertTriangle /> : <IconCircleCheck />}
          title={job.dryRun ? t('imports.dryRunTitle') : t('imports.doneTitle')}
        >
          {job.dryRun ? t('imports.dryRunText') : t('imports.doneText')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        <Count
          testId="import-created"
          label={job.dryRun ? t('imports.wouldCreate') : t('imports.created')}
          value={job.created}
          color="teal"
        />
        <Count testId="import-updated" label={job.dryRun ? t('imports.wouldUpdate') : t('imports.updated')} value={job.updated} />
        <Count testId="import-unchanged" label={t('imports.unchanged')} value={job.unchanged} />
        <Count
          testId="import-failed"
          label={t('imports.failedRows')}
          value={job.failed}
          color={job.failed > 0 ? 'red' : undefined}
        />
        {job.entity === 'contact' && (
          <Count testId="import-companies" label={t('imports.companiesCreated')} value={job.companiesCreated} />
        )}
      </SimpleGrid>
      {job.errors.length > 0 && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600} size="sm">
              {t('imports.errors', { count: job.failed })}
            </Text>
            {report && (
              <Anchor href={report} download size="sm">
                <Group gap={4} component="span">
                  <IconDownload size={16} aria-hidden="true" />
                  {t('imports.errorReport')}
                </Group>
              </Anchor>
            )}
          </Group>
          <Table.ScrollContainer minWidth={420} mah={320}>
            <Table striped fz="sm" aria-label={t('imports.errorsTable')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('imports.row')}</Table.Th>
                  <Table.Th>{t('imports.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {job.errors.map((error, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row may fail for several reasons
                  <Table.Tr key={i}>
                    <Table.Td>{error.row}</Table.Td>
                    <Table.Td>{error.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Stack>
  );
}

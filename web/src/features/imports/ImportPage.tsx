import { Button, Group, Paper, SegmentedControl, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconPlayerPlay, IconTestPipe } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useEntityFields } from '../../api/customFields.ts';
import {
  IMPORT_HOME,
  type ImportEntity,
  type ImportMode,
  useImportProgress,
  usePreviewImport,
  useStartImport,
} from '../../api/imports.ts';
import type { ImportPreview } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { FileStep } from './FileStep.tsx';
import { ImportResult } from './ImportResult.tsx';
import { IGNORE, MappingTable } from './MappingTable.tsx';
import { PreviewTable } from './PreviewTable.tsx';

function initialMapping(preview: ImportPreview): Record<string, string> {
  return Object.fromEntries(preview.headers.map((header) => [header, preview.suggestedMapping[header] ?? IGNORE]));
}

/** Errors of the mapping by column header (the server names them mapping.<header>). */
function mappingErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.errors) if (e.path.startsWith('mapping.')) out[e.path.slice('mapping.'.length)] = e.message;
  return out;
}

const ENTITIES: ImportEntity[] = ['contact', 'company', 'deal'];

/** Import contacts, companies or deals from CSV or Excel: file → preview and mapping → dry run or import → result. */
export function ImportPage({ entity }: { entity: ImportEntity }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const home = IMPORT_HOME[entity];
  const back =
    entity === 'deal' ? t('deals.backToBoard') : t(entity === 'contact' ? 'contacts.backToList' : 'companies.backToList');
  const fields = useEntityFields(entity);
  const preview = usePreviewImport();
  const start = useStartImport();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [mode, setMode] = useState<ImportMode>('create');
  const [jobId, setJobId] = useState<string | null>(null);
  const progress = useImportProgress(jobId);
  const job = progress.data;
  const step = jobId ? 2 : preview.data ? 1 : 0;

  const choose = (next: File | null) => {
    setFile(next);
    setJobId(null);
    start.reset();
    if (!next) return preview.reset();
    preview.mutate({ entity, file: next }, { onSuccess: (read) => setMapping(initialMapping(read)) });
  };

  const run = (dryRun: boolean) => {
    if (!file) return;
    const chosen = Object.fromEntries(Object.entries(mapping).filter(([, target]) => target !== IGNORE));
    start.mutate({ entity, file, mapping: chosen, mode, dryRun }, { onSuccess: (started) => setJobId(started.id) });
  };

  const restart = () => {
    setJobId(null);
    setFile(null);
    preview.reset();
    start.reset();
  };

  const finished = job?.status === 'done' || job?.status === 'failed';
  const hideMappingErrors = Object.keys(mappingErrors(start.error)).map((header) => `mapping.${header}`);

  return (
    <>
      <PageHeader
        title={t(`imports.title.${entity}`)}
        description={t(`imports.description.${entity}`)}
        actions={
          <Button component={Link} to={home} variant="default">
            {back}
          </Button>
        }
      />
      <Stepper active={step} size="sm" mb="lg" allowNextStepsSelect={false}>
        <Stepper.Step label={t('imports.steps.file')} />
        <Stepper.Step label={t('imports.steps.mapping')} />
        <Stepper.Step label={t('imports.steps.run')} />
      </Stepper>
      <Paper withBorder radius="md" p="md">
        {step === 0 && (
          <Stack>
            <Stack gap={4} align="flex-start">
              <Text size="sm" fw={600} id="import-entity-label">
                {t('imports.entity')}
              </Text>
              <SegmentedControl
                value={entity}
                onChange={(next) => navigate(`${IMPORT_HOME[next as ImportEntity]}/import`)}
                data={ENTITIES.map((value) => ({ value, label: t(`imports.entities.${value}`) }))}
                aria-labelledby="import-entity-label"
                w={{ base: '100%', sm: 'auto' }}
              />
            </Stack>
            <FileStep entity={entity} file={file} onFile={choose} loading={preview.isPending} error={preview.error} />
          </Stack>
        )}
        {step === 1 && preview.data && (
          <Stack>
            <Text size="sm" c="dimmed">
              {t('imports.fileRead', {
                name: file?.name ?? '',
                format: preview.data.format.toUpperCase(),
                count: preview.data.headers.length,
              })}
            </Text>
            <Title order={2} size="h4">
              {t('imports.preview')}
            </Title>
            <PreviewTable preview={preview.data} />
            <Title order={2} size="h4">
              {t('imports.mapping')}
            </Title>
            {start.error && <ErrorAlert error={start.error} hideFields={hideMappingErrors} />}
            <MappingTable
              preview={preview.data}
              fields={fields}
              mapping={mapping}
              onChange={(header, target) => setMapping((current) => ({ ...current, [header]: target }))}
              errors={mappingErrors(start.error)}
            />
            <Stack gap={4} align="flex-start">
              <Text size="sm" fw={600}>
                {t('imports.mode')}
              </Text>
              <SegmentedControl
                value={mode}
                onChange={(value) => setMode(value as ImportMode)}
                data={[
                  { value: 'create', label: t('imports.modes.create') },
                  { value: 'upsert', label: t('imports.modes.upsert') },
                ]}
                w={{ base: '100%', sm: 'auto' }}
                aria-label={t('imports.mode')}
              />
              <Text size="xs" c="dimmed">
                {mode === 'create' ? t('imports.modeCreateHint') : t(`imports.modeUpsertHint.${entity}`)}
              </Text>
            </Stack>
            <Group justify="space-between" wrap="wrap">
              <Button variant="subtle" onClick={restart}>
                {t('imports.otherFile')}
              </Button>
              <Group gap="sm">
                <Button
                  variant="default"
                  leftSection={<IconTestPipe size={16} />}
                  onClick={() => run(true)}
                  loading={start.isPending}
                >
                  {t('imports.dryRun')}
                </Button>
                <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => run(false)} loading={start.isPending}>
                  {t('imports.start')}
                </Button>
              </Group>
            </Group>
          </Stack>
        )}
        {step === 2 && (
          <Stack>
            {progress.isError && <ErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />}
            {job && <ImportResult job={job} />}
            {finished && job && (
              <Group justify="flex-end" gap="sm" wrap="wrap">
                {job.dryRun ? (
                  <>
                    <Button variant="default" onClick={() => setJobId(null)}>
                      {t('imports.backToMapping')}
                    </Button>
                    <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => run(false)} loading={start.isPending}>
                      {t('imports.startNow')}
                    </Button>
                  </>
                ) : (
                  <>
                    <Button variant="default" onClick={restart}>
                      {t('imports.another')}
                    </Button>
                    <Button component={Link} to={home}>
                      {t(`imports.toList.${entity}`)}
                    </Button>
                  </>
                )}
              </Group>
            )}
          </Stack>
        )}
      </Paper>
    </>
  );
}

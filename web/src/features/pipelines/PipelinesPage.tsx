import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePipelines } from '../../api/pipelines.ts';
import type { Pipeline } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CreatePipelineModal } from './CreatePipelineModal.tsx';
import { DeletePipelineModal } from './DeletePipelineModal.tsx';
import { LostReasonsPanel } from './LostReasonsPanel.tsx';
import { STAGE_KIND_COLOR, stageLabel } from './stages.ts';

/** /admin/pipelines: the sales processes with their stages, and the reasons deals are lost. */
export function PipelinesPage() {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Pipeline | null>(null);

  return (
    <>
      <PageHeader
        title={t('pipelines.title')}
        description={t('pipelines.description')}
        actions={
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
            {t('pipelines.create')}
          </Button>
        }
      />
      {pipelines.isPending ? (
        <LoadingState />
      ) : pipelines.isError ? (
        <ErrorAlert error={pipelines.error} onRetry={() => void pipelines.refetch()} />
      ) : (
        <Stack gap="sm" mb="xl">
          {pipelines.data.map((pipeline) => (
            <Paper key={pipeline.id} withBorder radius="md" p="md" data-pipeline={pipeline.name}>
              <Group justify="space-between" align="flex-start" gap="sm">
                <Stack gap={6} style={{ flex: '1 1 18rem', minWidth: 0 }}>
                  <Group gap="xs">
                    <Title order={2} size="h4">
                      {pipeline.name}
                    </Title>
                    {pipeline.isDefault && (
                      <Badge variant="light" tt="none">
                        {t('pipelines.default')}
                      </Badge>
                    )}
                  </Group>
                  <Group gap={4}>
                    {pipeline.stages.map((stage) => (
                      <Badge key={stage.id} variant="outline" color={STAGE_KIND_COLOR[stage.kind]} tt="none" size="sm">
                        {stageLabel(t, stage)}
                      </Badge>
                    ))}
                  </Group>
                </Stack>
                <Group gap="xs">
                  <Button
                    component={Link}
                    to={`/admin/pipelines/${encodeURIComponent(pipeline.id)}`}
                    variant="light"
                    leftSection={<IconPencil size={16} />}
                    aria-label={t('pipelines.editLabel', { name: pipeline.name })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    variant="subtle"
                    color="red"
                    disabled={pipelines.data.length < 2}
                    onClick={() => setDeleting(pipeline)}
                    aria-label={t('pipelines.deleteLabel', { name: pipeline.name })}
                  >
                    {t('common.delete')}
                  </Button>
                </Group>
              </Group>
            </Paper>
          ))}
          {pipelines.data.length < 2 && (
            <Text size="xs" c="dimmed">
              {t('pipelines.lastHint')}
            </Text>
          )}
        </Stack>
      )}
      <LostReasonsPanel />
      <CreatePipelineModal opened={creating} onClose={() => setCreating(false)} />
      <DeletePipelineModal
        key={deleting?.id ?? 'none'}
        pipeline={deleting}
        others={(pipelines.data ?? []).filter((p) => p.id !== deleting?.id)}
        onClose={() => setDeleting(null)}
      />
    </>
  );
}

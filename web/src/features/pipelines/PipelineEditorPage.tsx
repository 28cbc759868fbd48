import { Anchor, Breadcrumbs, Button, Text } from '@mantine/core';
import { IconArrowLeft, IconSearchOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePipelines } from '../../api/pipelines.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PipelineEditor } from './PipelineEditor.tsx';

/** /admin/pipelines/:id */
export function PipelineEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const pipelines = usePipelines();
  const pipeline = pipelines.data?.find((p) => p.id === id);

  if (pipelines.isPending) return <LoadingState />;
  if (pipelines.isError) return <ErrorAlert error={pipelines.error} onRetry={() => void pipelines.refetch()} />;
  if (!pipeline) {
    return (
      <EmptyState
        icon={<IconSearchOff />}
        title={t('pipelines.notFound')}
        titleOrder={1}
        action={
          <Button component={Link} to="/admin/pipelines" variant="light" leftSection={<IconArrowLeft size={16} />}>
            {t('pipelines.title')}
          </Button>
        }
      />
    );
  }
  return (
    <>
      <Breadcrumbs separator="›" fz="sm" mb="xs">
        <Anchor component={Link} to="/admin/pipelines" size="sm">
          {t('pipelines.title')}
        </Anchor>
        <Text size="sm" c="dimmed">
          {pipeline.name}
        </Text>
      </Breadcrumbs>
      <PageHeader title={t('pipelines.editTitle', { name: pipeline.name })} description={t('pipelines.editDescription')} />
      <PipelineEditor key={pipeline.id} pipeline={pipeline} />
    </>
  );
}

import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDealCount, useDeletePipeline } from '../../api/pipelines.ts';
import type { Pipeline } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { stageLabel } from './stages.ts';

interface Props {
  pipeline: Pipeline | null;
  /** The other pipelines, whose stages can take the deals. */
  others: Pipeline[];
  onClose: () => void;
}

/** Deletes a pipeline; when it holds deals they first move to a stage of another pipeline. */
export function DeletePipelineModal({ pipeline, others, onClose }: Props) {
  const { t } = useTranslation();
  const remove = useDeletePipeline();
  const deals = useDealCount(pipeline ? { pipelineId: pipeline.id } : null);
  const [moveTo, setMoveTo] = useState<string | null>(null);
  const hasDeals = (deals.data ?? 0) > 0;
  const targets = others.map((other) => ({
    group: other.name,
    items: other.stages.map((stage) => ({ value: stage.id, label: `${other.name} › ${stageLabel(t, stage)}` })),
  }));

  const confirm = () => {
    if (!pipeline) return;
    remove.mutate(
      { id: pipeline.id, moveTo: hasDeals ? moveTo : undefined },
      {
        onSuccess: ({ movedDealIds }) => {
          notifications.show({
            color: 'teal',
            message: t('pipelines.deleted', { name: pipeline.name, count: movedDealIds.length }),
          });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={pipeline !== null} onClose={onClose} title={t('pipelines.deleteTitle')} centered>
      {pipeline && (
        <Stack>
          <Text size="sm">{t('pipelines.deleteMessage', { name: pipeline.name })}</Text>
          {remove.error && <ErrorAlert error={remove.error} />}
          {hasDeals && (
            <Select
              label={t('pipelines.moveDealsTo')}
              description={t('pipelines.moveDealsHint')}
              required
              data={targets}
              value={moveTo}
              onChange={setMoveTo}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={remove.isPending}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              onClick={confirm}
              loading={remove.isPending || deals.isPending}
              disabled={hasDeals && !moveTo}
              data-autofocus
            >
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { stageLabel } from './stages.ts';

interface Props {
  /** The saved stage that still holds deals; null: closed. */
  stage: Stage | null;
  /** Where its deals may go: the pipeline's other saved stages. */
  targets: Stage[];
  loading: boolean;
  error: unknown;
  onConfirm: (moveTo: string) => void;
  onClose: () => void;
}

/** A stage with deals is deleted only after choosing the stage its deals move to. */
export function StageDeleteModal({ stage, targets, loading, error, onConfirm, onClose }: Props) {
  const { t } = useTranslation();
  const [moveTo, setMoveTo] = useState<string | null>(null);
  return (
    <Modal opened={stage !== null} onClose={onClose} title={t('pipelines.deleteStage.title')} centered>
      {stage && (
        <Stack>
          <Text size="sm">{t('pipelines.deleteStage.text', { name: stageLabel(t, stage) })}</Text>
          {error !== null && error !== undefined && <ErrorAlert error={error} />}
          <Select
            label={t('pipelines.deleteStage.moveTo')}
            required
            data-autofocus
            data={targets.map((target) => ({ value: target.id, label: stageLabel(t, target) }))}
            value={moveTo}
            onChange={setMoveTo}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={loading}>
              {t('common.cancel')}
            </Button>
            <Button color="red" disabled={!moveTo} loading={loading} onClick={() => moveTo && onConfirm(moveTo)}>
              {t('pipelines.deleteStage.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

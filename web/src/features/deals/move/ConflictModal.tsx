import { Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { usePipelines } from '../../../api/pipelines.ts';
import type { Deal, Stage } from '../../../api/types.ts';
import { formatDate, formatDateTime, formatMoney } from '../../../i18n/format.ts';
import { useUserNames } from '../../customers/useUserNames.ts';
import { findStage, stageLabel } from '../../pipelines/stages.ts';

export interface Conflict {
  fresh: Deal;
  target: Stage;
}

interface Props {
  conflict: Conflict | null;
  onRetry: (conflict: Conflict) => void;
  onClose: () => void;
}

/** Someone else changed the deal meanwhile (412): its fresh state, and the choice to move it anyway. */
export function ConflictModal({ conflict, onRetry, onClose }: Props) {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const names = useUserNames();
  const fresh = conflict?.fresh;
  const stage = fresh ? findStage(pipelines.data, fresh.stageId) : undefined;
  const rows: [string, string][] = fresh
    ? [
        [t('deals.fields.stage'), stage ? stageLabel(t, stage) : '—'],
        [t('deals.fields.amount'), formatMoney(fresh.amountCents, fresh.currency)],
        [t('deals.fields.owner'), (fresh.ownerId && names.get(fresh.ownerId)) || '—'],
        [t('deals.fields.expectedCloseDate'), formatDate(fresh.expectedCloseDate) || '—'],
        [t('deals.fields.updatedAt'), formatDateTime(fresh.updatedAt)],
      ]
    : [];

  return (
    <Modal opened={conflict !== null} onClose={onClose} title={t('board.conflict.title')} centered>
      {conflict && fresh && (
        <Stack>
          <Text size="sm">{t('board.conflict.text', { title: fresh.title })}</Text>
          <SimpleGrid cols={2} spacing="xs" verticalSpacing={4} data-testid="fresh-deal">
            {rows.map(([label, value]) => (
              <Fragment key={label}>
                <Text size="sm" c="dimmed">
                  {label}
                </Text>
                <Text size="sm" fw={500}>
                  {value}
                </Text>
              </Fragment>
            ))}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('board.conflict.keep')}
            </Button>
            {fresh.stageId !== conflict.target.id && (
              <Button onClick={() => onRetry(conflict)}>
                {t('board.conflict.retry', { stage: stageLabel(t, conflict.target) })}
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

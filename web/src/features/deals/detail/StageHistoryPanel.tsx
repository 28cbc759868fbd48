import { Skeleton, Text, Timeline } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDealHistory } from '../../../api/deals.ts';
import { usePipelines } from '../../../api/pipelines.ts';
import type { Deal } from '../../../api/types.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { Panel } from '../../customers/Panel.tsx';
import { findStage, stageLabel } from '../../pipelines/stages.ts';
import { formatDuration } from '../format.ts';

/** Every stage change with who and when, and how long the deal stayed in the stage it left. */
export function StageHistoryPanel({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const history = useDealHistory(deal.id);
  const pipelines = usePipelines();
  const name = (id: string | null) => {
    if (!id) return '';
    const stage = findStage(pipelines.data, id);
    return stage ? stageLabel(t, stage) : t('deals.history.deletedStage');
  };
  const entries = [...(history.data ?? [])].reverse();
  const sinceSeconds = (Date.now() - Date.parse(deal.stageEnteredAt)) / 1000;

  return (
    <Panel title={t('deals.history.title')}>
      {history.isPending ? (
        <Skeleton height={80} />
      ) : history.isError ? (
        <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
      ) : (
        <>
          <Text size="sm" mb="sm" data-testid="time-in-stage">
            {t('deals.history.current', { stage: name(deal.stageId), duration: formatDuration(t, sinceSeconds) })}
          </Text>
          <Timeline bulletSize={18} lineWidth={2} active={0} data-testid="stage-history">
            {entries.map((entry) => (
              <Timeline.Item key={entry.id} bullet={<IconArrowRight size={11} />}>
                <Text size="sm" fw={600}>
                  {entry.fromStageId
                    ? t('deals.history.moved', { from: name(entry.fromStageId), to: name(entry.toStageId) })
                    : t('deals.history.opened', { stage: name(entry.toStageId) })}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(entry.at)} · {entry.userName ?? t('deals.history.system')}
                </Text>
                {entry.secondsInPrevious !== null && entry.fromStageId && (
                  <Text size="xs" c="dimmed">
                    {t('deals.history.stayed', {
                      stage: name(entry.fromStageId),
                      duration: formatDuration(t, entry.secondsInPrevious),
                    })}
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </>
      )}
    </Panel>
  );
}

import { Button, Center, Divider, Skeleton, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomFields } from '../../api/customFields.ts';
import { usePipelines } from '../../api/pipelines.ts';
import { type TimelineEntity, useTimeline } from '../../api/timeline.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Panel } from '../customers/Panel.tsx';
import { useUserNames } from '../customers/useUserNames.ts';
import { findStage, stageLabel } from '../pipelines/stages.ts';
import type { ChangeContext } from './changeValues.ts';
import { QuickAdd } from './QuickAdd.tsx';
import { TimelineList } from './TimelineList.tsx';

/** A record's history with quick add on top: notes, calls, changes, deals — newest first, paged. */
export function TimelinePanel({ entity, id }: { entity: TimelineEntity; id: string }) {
  const { t } = useTranslation();
  const timeline = useTimeline(entity, id);
  const defs = useCustomFields();
  const names = useUserNames();
  const pipelines = usePipelines();
  const ctx: ChangeContext = useMemo(
    () => ({
      t,
      fields: (defs.data ?? []).filter((def) => def.entity === entity),
      userName: (uid) => names.get(uid),
      stageName: (stageId) => {
        const stage = findStage(pipelines.data, stageId);
        return stage && stageLabel(t, stage);
      },
      pipelineName: (pipelineId) => pipelines.data?.find((pipeline) => pipeline.id === pipelineId)?.name,
    }),
    [t, defs.data, entity, names, pipelines.data],
  );
  const items = timeline.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <Panel title={t('timeline.title')}>
      <QuickAdd entity={entity} id={id} />
      <Divider my="md" />
      {timeline.isPending ? (
        <Stack gap="md">
          <Skeleton height={36} />
          <Skeleton height={36} />
          <Skeleton height={36} />
        </Stack>
      ) : timeline.isError ? (
        <ErrorAlert error={timeline.error} onRetry={() => void timeline.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('timeline.empty')}
        </Text>
      ) : (
        <div data-testid="timeline">
          <TimelineList items={items} ctx={ctx} noun={t(`timeline.nouns.${entity}`)} />
        </div>
      )}
      {timeline.hasNextPage && (
        <Center mt="md">
          <Button variant="light" size="xs" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </Panel>
  );
}

import { Box, Button, Center, Group, Paper, Select } from '@mantine/core';
import { IconCurrencyEuro } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DealFilters, type DealListQuery, dealsExportUrl, useDealsList } from '../../../api/deals.ts';
import type { Deal, Pipeline } from '../../../api/types.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { TableSkeleton } from '../../../components/LoadingState.tsx';
import { ExportButtons } from '../../customers/ExportButtons.tsx';
import { TextFilter } from '../../customers/TextFilter.tsx';
import { stageLabel } from '../../pipelines/stages.ts';
import { DealsTable } from './DealsTable.tsx';

const STATUSES: Deal['status'][] = ['open', 'won', 'lost'];

interface Props {
  pipeline: Pipeline;
  filters: DealFilters;
  onCreate: () => void;
}

/** The deals of a pipeline as a sortable, filterable table, a page at a time. */
export function DealsList({ pipeline, filters, onCreate }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [stageId, setStageId] = useState<string | null>(null);
  const [status, setStatus] = useState<Deal['status'] | null>(null);
  const [sort, setSort] = useState('-updatedAt');
  const query: DealListQuery = useMemo(
    () => ({
      ...filters,
      pipelineId: pipeline.id,
      stageId: stageId ?? undefined,
      status: status ?? undefined,
      q: q || undefined,
      sort,
    }),
    [filters, pipeline.id, stageId, status, q, sort],
  );
  const list = useDealsList(query);
  const deals = list.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = q !== '' || stageId !== null || status !== null || filters.ownerId !== undefined || filters.tag !== undefined;

  return (
    <>
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
        <TextFilter label={t('common.search')} value={q} onChange={setQ} placeholder={t('deals.searchPlaceholder')} search />
        <Select
          label={t('deals.fields.stage')}
          placeholder={t('common.all')}
          clearable
          data={pipeline.stages.map((stage) => ({ value: stage.id, label: stageLabel(t, stage) }))}
          value={stageId}
          onChange={setStageId}
          w={{ base: '100%', xs: 190 }}
        />
        <Select
          label={t('deals.fields.status')}
          placeholder={t('common.all')}
          clearable
          data={STATUSES.map((value) => ({ value, label: t(`deals.status.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(value as Deal['status'] | null)}
          w={{ base: '100%', xs: 160 }}
        />
        <Box ml={{ base: 0, sm: 'auto' }}>
          <ExportButtons href={(format, lang) => dealsExportUrl(query, format, lang)} />
        </Box>
      </Group>
      <Paper withBorder radius="md">
        {list.isPending ? (
          <TableSkeleton columns={7} />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : deals.length === 0 ? (
          <EmptyState
            icon={<IconCurrencyEuro />}
            title={filtered ? t('deals.emptyFiltered') : t('deals.empty')}
            action={
              !filtered && (
                <Button variant="light" onClick={onCreate}>
                  {t('deals.create')}
                </Button>
              )
            }
          />
        ) : (
          <DealsTable deals={deals} pipeline={pipeline} sort={sort} onSort={setSort} />
        )}
      </Paper>
      {list.hasNextPage && (
        <Center mt="md">
          <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </>
  );
}

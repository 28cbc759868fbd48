import { Button, Group } from '@mantine/core';
import { IconFileImport, IconLayoutKanban, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../api/auth.ts';
import type { DealFilters } from '../../api/deals.ts';
import { usePipelines } from '../../api/pipelines.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DealBoard } from './board/DealBoard.tsx';
import { DealsToolbar, type ToolbarValue } from './DealsToolbar.tsx';
import { DealFormModal } from './form/DealFormModal.tsx';
import { DealsList } from './list/DealsList.tsx';
import { useLiveDeals } from './useLiveDeals.ts';

/** /deals: the pipeline as a kanban board or a list, with filters kept in the URL. */
export function DealsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const pipelines = usePipelines();
  const [params, setParams] = useSearchParams();
  useLiveDeals();

  const all = pipelines.data ?? [];
  const pipeline = all.find((p) => p.id === params.get('pipeline')) ?? all.find((p) => p.isDefault) ?? all[0];
  const value: ToolbarValue = {
    pipelineId: pipeline?.id ?? '',
    owner: params.get('owner') ?? '',
    tag: params.get('tag') ?? '',
    view: params.get('view') === 'list' ? 'list' : 'board',
  };
  const filters: DealFilters = {
    ownerId: value.owner === 'me' ? me.id : value.owner || undefined,
    tag: value.tag || undefined,
  };
  const creating = params.get('new') === '1';

  const update = (patch: Partial<ToolbarValue> & { new?: boolean }) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        const entries: [string, string | undefined][] = [
          ['pipeline', patch.pipelineId],
          ['owner', patch.owner],
          ['tag', patch.tag],
          ['view', patch.view === undefined ? undefined : patch.view === 'list' ? 'list' : ''],
          ['new', patch.new === undefined ? undefined : patch.new ? '1' : ''],
        ];
        for (const [key, v] of entries) {
          if (v === undefined) continue;
          if (v === '') next.delete(key);
          else next.set(key, v);
        }
        return next;
      },
      { replace: patch.new === undefined },
    );
  };

  return (
    <>
      <PageHeader
        title={t('deals.title')}
        actions={
          pipeline && (
            <Group gap="sm" wrap="wrap">
              <Button leftSection={<IconPlus size={18} />} onClick={() => update({ new: true })}>
                {t('deals.create')}
              </Button>
              <Button component={Link} to="/deals/import" variant="default" leftSection={<IconFileImport size={18} />}>
                {t('imports.button')}
              </Button>
            </Group>
          )
        }
      />
      {pipelines.isPending ? (
        <LoadingState />
      ) : pipelines.isError ? (
        <ErrorAlert error={pipelines.error} onRetry={() => void pipelines.refetch()} />
      ) : !pipeline ? (
        <EmptyState icon={<IconLayoutKanban />} title={t('deals.noPipeline')} description={t('deals.noPipelineText')} />
      ) : (
        <>
          <DealsToolbar pipelines={all} value={value} onChange={update} />
          {value.view === 'list' ? (
            <DealsList pipeline={pipeline} filters={filters} onCreate={() => update({ new: true })} />
          ) : (
            <DealBoard key={pipeline.id} pipeline={pipeline} filters={filters} />
          )}
          <DealFormModal
            opened={creating}
            deal={null}
            defaults={{ pipelineId: pipeline.id }}
            onClose={() => update({ new: false })}
          />
        </>
      )}
    </>
  );
}

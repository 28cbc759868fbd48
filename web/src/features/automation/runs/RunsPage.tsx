import { Group, SegmentedControl, Select, Stack } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type RunStatus, useWorkflowRuns, useWorkflows } from '../../../api/workflows.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { RecordSelect } from '../../tasks/RecordSelect.tsx';
import { AutomationTabs } from '../AutomationTabs.tsx';
import { RunList } from './RunList.tsx';

const STATUSES: RunStatus[] = ['running', 'waiting', 'done', 'failed', 'canceled'];

/** /admin/automation/runs: every run, by workflow, record and status, refreshed while the page is open. */
export function RunsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const workflowId = params.get('workflowId') ?? undefined;
  const status = params.get('status') ?? undefined;
  const kind = params.get('record') === 'contact' ? 'contact' : 'deal';
  const recordId = params.get('recordId') ?? undefined;
  const workflows = useWorkflows();
  const runs = useWorkflowRuns(
    { workflowId, status, ...(recordId ? (kind === 'deal' ? { dealId: recordId } : { entityId: recordId }) : {}) },
    { refetchInterval: 10_000 },
  );
  const names = useMemo(() => new Map((workflows.data ?? []).map((w) => [w.id, w.name])), [workflows.data]);
  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('automation.runs.title')} description={t('automation.runs.description')} />
      <AutomationTabs />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('automation.runs.workflow')}
            placeholder={t('common.all')}
            data={(workflows.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
            value={workflowId ?? null}
            clearable
            searchable
            w={{ base: '100%', sm: 280 }}
            onChange={(v) => setParam('workflowId', v)}
          />
          <Select
            label={t('automation.runs.status')}
            placeholder={t('common.all')}
            data={STATUSES.map((s) => ({ value: s, label: t(`automation.runStatus.${s}`) }))}
            value={status ?? null}
            clearable
            w={{ base: '100%', sm: 180 }}
            onChange={(v) => setParam('status', v)}
          />
          <SegmentedControl
            aria-label={t('automation.runs.recordKind')}
            value={kind}
            data={[
              { value: 'deal', label: t('automation.entities.deal') },
              { value: 'contact', label: t('automation.entities.contact') },
            ]}
            onChange={(v) => {
              const next = new URLSearchParams(params);
              next.set('record', v);
              next.delete('recordId');
              setParams(next, { replace: true });
            }}
          />
          <RecordSelect
            key={kind}
            kind={kind}
            label={t('automation.runs.record')}
            value={recordId ?? null}
            w={{ base: '100%', sm: 280 }}
            onChange={(v) => setParam('recordId', v)}
          />
        </Group>
        {runs.isPending ? (
          <LoadingState />
        ) : runs.isError ? (
          <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />
        ) : runs.data.length === 0 ? (
          <EmptyState icon={<IconHistory />} title={t('automation.runs.empty')} description={t('automation.runs.emptyHint')} />
        ) : (
          <RunList runs={runs.data} names={names} />
        )}
      </Stack>
    </>
  );
}

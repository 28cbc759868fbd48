import { Badge, Button, Grid, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconSearchOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../../api/auth.ts';
import { ApiError, api } from '../../../api/client.ts';
import { dealKey, useDeal } from '../../../api/deals.ts';
import { usePipelines } from '../../../api/pipelines.ts';
import type { Deal } from '../../../api/types.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { StartWorkflowMenu } from '../../automation/StartWorkflowMenu.tsx';
import { RecordHeader } from '../../customers/RecordHeader.tsx';
import { useUserNames } from '../../customers/useUserNames.ts';
import { DealDocumentsPanel } from '../../documents/DealDocumentsPanel.tsx';
import { STAGE_KIND_COLOR, stageLabel } from '../../pipelines/stages.ts';
import { TimelinePanel } from '../../timeline/TimelinePanel.tsx';
import { DealFormModal } from '../form/DealFormModal.tsx';
import { useDealMover } from '../move/useDealMover.tsx';
import { StatusBadge } from '../StatusBadge.tsx';
import { useLiveDeals } from '../useLiveDeals.ts';
import { DealCustomFields } from './DealCustomFields.tsx';
import { DealFacts } from './DealFacts.tsx';
import { DeleteDealButton } from './DeleteDealButton.tsx';
import { FillAlert } from './FillAlert.tsx';
import { LineItemsPanel } from './LineItemsPanel.tsx';
import { PaymentsPanel } from './PaymentsPanel.tsx';
import { StageHistoryPanel } from './StageHistoryPanel.tsx';
import { StageStepper } from './StageStepper.tsx';

/** /deals/:id — everything about one deal, and moving it on. */
export function DealDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const qc = useQueryClient();
  const deal = useDeal(id);
  const pipelines = usePipelines();
  const names = useUserNames();
  const [params, setParams] = useSearchParams();
  useLiveDeals();
  // Coming from a stage gate on the board (?fill=…): the form opens with the missing fields marked.
  const [editing, setEditing] = useState<'edit' | 'fill' | null>(() =>
    (params.get('fill') ?? '').split(',').some((field) => field !== '' && field !== 'lineItems') ? 'fill' : null,
  );
  const mover = useDealMover({
    onFill: (gate) => {
      setParams({ fill: gate.missing.join(','), stage: gate.stageId }, { replace: true });
      if (gate.missing.some((field) => field !== 'lineItems')) setEditing('fill');
    },
  });

  const missing = (params.get('fill') ?? '').split(',').filter(Boolean);
  const pipeline = pipelines.data?.find((p) => p.id === deal.data?.pipelineId);
  const fillStage = pipeline?.stages.find((stage) => stage.id === params.get('stage'));
  const clearFill = () => setParams({}, { replace: true });

  // Once the deal reached the stage that asked for the fields, the reminder is done.
  const reached = fillStage !== undefined && deal.data?.stageId === fillStage.id;
  useEffect(() => {
    if (reached) setParams({}, { replace: true });
  }, [reached, setParams]);

  if (deal.isPending) return <LoadingState />;
  if (deal.isError) {
    if (deal.error instanceof ApiError && deal.error.status === 404) {
      return (
        <EmptyState
          icon={<IconSearchOff />}
          title={t('deals.notFound')}
          description={t('errors.notFound')}
          titleOrder={1}
          action={
            <Button component={Link} to="/deals" variant="light" leftSection={<IconArrowLeft size={16} />}>
              {t('deals.backToBoard')}
            </Button>
          }
        />
      );
    }
    return <ErrorAlert error={deal.error} onRetry={() => void deal.refetch()} />;
  }

  const current: Deal = deal.data;
  const stage = pipeline?.stages.find((s) => s.id === current.stageId);
  const reload = () =>
    qc.fetchQuery({
      queryKey: dealKey(current.id),
      queryFn: () => api.get<Deal>(`/deals/${encodeURIComponent(current.id)}`),
      staleTime: 0,
    });

  return (
    <>
      <RecordHeader
        title={current.title}
        back={{ to: `/deals?pipeline=${encodeURIComponent(current.pipelineId)}`, label: t('deals.title') }}
        meta={
          <>
            <StatusBadge deal={current} size="md" />
            {stage && (
              <Badge variant="outline" color={STAGE_KIND_COLOR[stage.kind]} size="md" tt="none" data-testid="deal-stage">
                {stageLabel(t, stage)}
              </Badge>
            )}
            {pipeline && (
              <Text size="sm" c="dimmed">
                {pipeline.name}
              </Text>
            )}
            {current.ownerId && (
              <Text size="sm" c="dimmed">
                {t('deals.detail.ownedBy', { name: names.get(current.ownerId) ?? '…' })}
              </Text>
            )}
          </>
        }
        actions={
          <>
            <Button variant="light" leftSection={<IconPencil size={16} />} onClick={() => setEditing('edit')}>
              {t('common.edit')}
            </Button>
            <StartWorkflowMenu entityType="deal" entityId={current.id} />
            {me.role !== 'specialist' && <DeleteDealButton deal={current} />}
          </>
        }
      />
      {pipeline && (
        <StageStepper
          deal={current}
          pipeline={pipeline}
          onMove={(target) => mover.request(current, target)}
          disabled={mover.moving}
        />
      )}
      {fillStage && missing.length > 0 && !reached && (
        <FillAlert
          stageName={stageLabel(t, fillStage)}
          missing={missing}
          onFill={missing.some((field) => field !== 'lineItems') ? () => setEditing('fill') : undefined}
          onMove={() => mover.request(current, fillStage)}
          onDismiss={clearFill}
          moving={mover.moving}
        />
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <DealFacts deal={current} />
            <LineItemsPanel deal={current} />
            <PaymentsPanel deal={current} />
            <DealDocumentsPanel deal={current} />
            <DealCustomFields deal={current} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <StageHistoryPanel deal={current} />
            <TimelinePanel entity="deal" id={current.id} />
          </Stack>
        </Grid.Col>
      </Grid>
      <DealFormModal
        opened={editing !== null}
        deal={current}
        highlight={editing === 'fill' && fillStage ? { fields: missing, stageName: stageLabel(t, fillStage) } : undefined}
        onReload={reload}
        onClose={(saved) => {
          setEditing(null);
          // The fields a stage asked for are in: try the move again.
          if (saved && editing === 'fill' && fillStage) mover.request(saved, fillStage);
        }}
      />
      {mover.dialogs}
    </>
  );
}

import { VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { useMoveDeal } from '../../../api/deals.ts';
import type { Deal, Stage } from '../../../api/types.ts';
import { errorSummary } from '../../../components/errors.ts';
import { stageLabel } from '../../pipelines/stages.ts';
import { type Conflict, ConflictModal } from './ConflictModal.tsx';
import { LostReasonModal } from './LostReasonModal.tsx';
import { type GateRefusal, StageGateModal } from './StageGateModal.tsx';

export type MovableDeal = Pick<Deal, 'id' | 'title' | 'version' | 'stageId'>;

interface Options {
  /** The move starts: show the deal in its new stage at once (optimistic). */
  onStart?: (deal: MovableDeal, stage: Stage) => void;
  /** The move is over, done or refused: drop the optimistic state (boards are fresh by now). */
  onEnd?: (dealId: string) => void;
  /** What "fill in the fields" does; by default it opens the deal. */
  onFill?: (gate: GateRefusal) => void;
}

export function fillUrl(gate: GateRefusal): string {
  const params = new URLSearchParams({ fill: gate.missing.join(','), stage: gate.stageId });
  return `/deals/${encodeURIComponent(gate.dealId)}?${params}`;
}

/**
 * Moving deals between stages, shared by the board and the deal page: asks for the lost reason, sends
 * the move guarded by the deal's version, and explains a refusal — the fields a stage gate misses (with
 * the way to fill them in) or the fresh data when someone else changed the deal. Render `dialogs`.
 */
export function useDealMover({ onStart, onEnd, onFill }: Options = {}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const move = useMoveDeal();
  const [lost, setLost] = useState<{ deal: MovableDeal; stage: Stage } | null>(null);
  const [lostError, setLostError] = useState<unknown>(null);
  const [gate, setGate] = useState<GateRefusal | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [status, setStatus] = useState('');

  async function commit(deal: MovableDeal, stage: Stage, lostReason?: string): Promise<'moved' | 'refused' | 'reason'> {
    const stageName = stageLabel(t, stage);
    onStart?.(deal, stage);
    try {
      await move.mutateAsync({ deal, stageId: stage.id, lostReason });
      setStatus(t('board.moved', { title: deal.title, stage: stageName }));
      return 'moved';
    } catch (error) {
      setStatus(t('board.moveRefused', { title: deal.title, stage: stageName }));
      const missing = error instanceof ApiError ? error.problem.missingFields : undefined;
      if (error instanceof ApiError && error.status === 422 && Array.isArray(missing) && missing.length > 0) {
        setGate({ dealId: deal.id, title: deal.title, stageId: stage.id, stageName, missing: missing.map(String) });
      } else if (error instanceof ApiError && error.status === 412 && error.problem.current) {
        setConflict({ fresh: error.problem.current as Deal, target: stage });
      } else if (lostReason !== undefined && error instanceof ApiError && error.status < 500) {
        // e.g. a reason no longer on the list: the dialog stays open with the message
        setLostError(error);
        return 'reason';
      } else {
        notifications.show({
          color: 'red',
          title: t('board.moveFailed', { title: deal.title }),
          message: errorSummary(t, error),
        });
      }
      return 'refused';
    } finally {
      onEnd?.(deal.id);
    }
  }

  /** Moves a deal to a stage; a lost stage first asks for the reason. */
  function request(deal: MovableDeal, stage: Stage): void {
    if (stage.id === deal.stageId) return;
    if (stage.kind === 'lost') {
      setLostError(null);
      setLost({ deal, stage });
      return;
    }
    void commit(deal, stage);
  }

  async function confirmLost(reason: string) {
    if (!lost) return;
    const outcome = await commit(lost.deal, lost.stage, reason);
    if (outcome !== 'reason') setLost(null);
  }

  const dialogs: ReactNode = (
    <>
      <LostReasonModal
        target={lost ? { title: lost.deal.title, stageName: stageLabel(t, lost.stage) } : null}
        loading={move.isPending}
        error={lostError}
        onConfirm={(reason) => void confirmLost(reason)}
        onCancel={() => setLost(null)}
      />
      <StageGateModal
        gate={gate}
        onClose={() => setGate(null)}
        onFill={(refusal) => {
          setGate(null);
          if (onFill) onFill(refusal);
          else void navigate(fillUrl(refusal));
        }}
      />
      <ConflictModal
        conflict={conflict}
        onClose={() => setConflict(null)}
        onRetry={({ fresh, target }) => {
          setConflict(null);
          request(fresh, target);
        }}
      />
      <VisuallyHidden role="status" aria-live="polite" data-testid="move-status">
        {status}
      </VisuallyHidden>
    </>
  );

  return { request, dialogs, moving: move.isPending };
}

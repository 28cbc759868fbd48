import type { Board, BoardCard, Deal, Stage } from '../../../api/types.ts';
import { todayIso } from '../format.ts';

const DAY = 86_400_000;

/** A move the server has not confirmed yet: the board shows the card in its new stage meanwhile. */
export interface PendingMove {
  card: BoardCard;
  from: string;
  to: Stage;
}

export type Pending = ReadonlyMap<string, PendingMove>;

/** A deal from the list API as a board card, with the markers the board API computes (same rules). */
export function toCard(deal: Deal, stage: Stage, now = Date.now()): BoardCard {
  const daysInStage = Math.max(0, Math.floor((now - Date.parse(deal.stageEnteredAt)) / DAY));
  return {
    ...deal,
    daysInStage,
    rotting: stage.kind === 'open' && stage.timeLimitDays !== null && daysInStage >= stage.timeLimitDays,
    overdue: deal.status === 'open' && deal.expectedCloseDate !== null && deal.expectedCloseDate < todayIso(),
  };
}

function movedCard({ card, to }: PendingMove): BoardCard {
  return {
    ...card,
    stageId: to.id,
    status: to.kind,
    daysInStage: 0,
    rotting: false,
    overdue: to.kind === 'open' && card.overdue,
  };
}

/** A column's cards with the pending moves applied: moved-in cards on top, moved-out ones gone. */
export function columnCards(base: readonly BoardCard[], stageId: string, pending: Pending): BoardCard[] {
  const incoming = [...pending.values()].filter((move) => move.to.id === stageId).map(movedCard);
  return [...incoming, ...base.filter((card) => !pending.has(card.id))];
}

export interface Totals {
  count: number;
  amountCents: number;
  weightedAmountCents: number;
}

/** Where the server's board data has a card now; null when it is not among the loaded cards. */
function located(board: Board, dealId: string): string | null {
  return board.stages.find((column) => column.deals.some((card) => card.id === dealId))?.stageId ?? null;
}

/**
 * Per-stage totals with the pending moves applied — unless the board data already shows the move
 * (the refetch came before the mutation settled), so nothing is counted twice.
 */
export function boardTotals(board: Board, stages: readonly Stage[], pending: Pending): Map<string, Totals> {
  const totals = new Map<string, Totals>(
    board.stages.map((column) => [
      column.stageId,
      { count: column.count, amountCents: column.amountCents, weightedAmountCents: column.weightedAmountCents },
    ]),
  );
  const probability = new Map(stages.map((stage) => [stage.id, stage.probability]));
  const shift = (stageId: string, sign: 1 | -1, amount: number) => {
    const current = totals.get(stageId) ?? { count: 0, amountCents: 0, weightedAmountCents: 0 };
    totals.set(stageId, {
      count: current.count + sign,
      amountCents: current.amountCents + sign * amount,
      weightedAmountCents: current.weightedAmountCents + sign * Math.round((amount * (probability.get(stageId) ?? 0)) / 100),
    });
  };
  for (const [dealId, move] of pending) {
    const at = located(board, dealId);
    if (at === move.to.id) continue;
    shift(at ?? move.from, -1, move.card.amountCents);
    shift(move.to.id, 1, move.card.amountCents);
  }
  return totals;
}

import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DealFilters, useBoard } from '../../../api/deals.ts';
import type { Board, BoardCard, Pipeline, Stage } from '../../../api/types.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { LoadingState } from '../../../components/LoadingState.tsx';
import { useUserNames } from '../../customers/useUserNames.ts';
import { stageLabel } from '../../pipelines/stages.ts';
import { type MovableDeal, useDealMover } from '../move/useDealMover.tsx';
import { boardAnnouncements, boardInstructions } from './announcements.ts';
import classes from './Board.module.css';
import { BoardColumn } from './BoardColumn.tsx';
import { boardTotals, type PendingMove } from './columns.ts';
import { DealCard } from './DealCard.tsx';
import { boardCollisions, columnCoordinates } from './keyboard.ts';

/** Mouse and pen drag at once (after a few pixels, so clicks still open the deal); fingers use the TouchSensor. */
class MouseSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent }: { nativeEvent: PointerEvent }) =>
        nativeEvent.isPrimary && nativeEvent.button === 0 && nativeEvent.pointerType !== 'touch',
    },
  ];
}

function findCard(board: Board | undefined, id: string): BoardCard | undefined {
  for (const column of board?.stages ?? []) {
    const card = column.deals.find((c) => c.id === id);
    if (card) return card;
  }
  return undefined;
}

const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] };

/** The kanban board of one pipeline: stages as columns, deals as cards moved by drag and drop. */
export function DealBoard({ pipeline, filters }: { pipeline: Pipeline; filters: DealFilters }) {
  const { t } = useTranslation();
  const board = useBoard(pipeline.id, filters);
  const names = useUserNames();
  const [pending, setPending] = useState<ReadonlyMap<string, PendingMove>>(new Map());
  const [active, setActive] = useState<BoardCard | null>(null);

  const mover = useDealMover({
    onStart: (deal: MovableDeal, stage: Stage) => {
      // A dragged card comes as it is; a retried move finds its card on the board (if it is shown).
      const card = 'daysInStage' in deal ? (deal as BoardCard) : findCard(board.data, deal.id);
      if (!card) return;
      setPending((current) => new Map(current).set(deal.id, { card, from: card.stageId, to: stage }));
    },
    onEnd: (dealId) =>
      setPending((current) => {
        const next = new Map(current);
        next.delete(dealId);
        return next;
      }),
  });

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates, keyboardCodes: KEYBOARD_CODES }),
  );

  const stageById = useMemo(() => new Map(pipeline.stages.map((stage) => [stage.id, stage])), [pipeline.stages]);
  const stageName = useCallback(
    (id: string) => {
      const stage = stageById.get(id);
      return stage ? stageLabel(t, stage) : '';
    },
    [stageById, t],
  );
  const accessibility = useMemo(
    () => ({ announcements: boardAnnouncements(t, stageName), screenReaderInstructions: boardInstructions(t) }),
    [t, stageName],
  );
  const totals = useMemo(
    () => (board.data ? boardTotals(board.data, pipeline.stages, pending) : new Map()),
    [board.data, pipeline.stages, pending],
  );

  if (board.isPending) return <LoadingState />;
  if (board.isError) return <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />;
  const data = board.data;
  const columns = new Map(data.stages.map((column) => [column.stageId, column]));

  const onDragStart = ({ active: dragged }: DragStartEvent) => setActive((dragged.data.current?.card as BoardCard) ?? null);
  const onDragEnd = ({ active: dragged, over }: DragEndEvent) => {
    setActive(null);
    const card = dragged.data.current?.card as BoardCard | undefined;
    const stage = over ? stageById.get(String(over.id)) : undefined;
    if (card && stage) mover.request(card, stage);
  };

  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={boardCollisions}
        measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
        accessibility={accessibility}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActive(null)}
      >
        <div className={classes.scroller} data-testid="board">
          <div className={classes.columns}>
            {pipeline.stages.map((stage) => (
              <BoardColumn
                key={stage.id}
                stage={stage}
                cards={columns.get(stage.id)?.deals ?? []}
                totals={totals.get(stage.id) ?? { count: 0, amountCents: 0, weightedAmountCents: 0 }}
                filters={filters}
                pending={pending}
                ownerName={(id) => (id ? names.get(id) : undefined)}
              />
            ))}
          </div>
        </div>
        <DragOverlay dropAnimation={null}>
          {active && <DealCard card={active} ownerName={active.ownerId ? names.get(active.ownerId) : undefined} overlay />}
        </DragOverlay>
      </DndContext>
      {mover.dialogs}
    </>
  );
}

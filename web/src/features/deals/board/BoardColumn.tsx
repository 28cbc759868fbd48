import { useDroppable } from '@dnd-kit/core';
import { Badge, Button, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DealFilters, useStageDeals } from '../../../api/deals.ts';
import type { BoardCard, Stage } from '../../../api/types.ts';
import { formatMoney } from '../../../i18n/format.ts';
import { stageLabel } from '../../pipelines/stages.ts';
import classes from './Board.module.css';
import { columnCards, type Pending, type Totals, toCard } from './columns.ts';
import { DraggableDealCard } from './DraggableDealCard.tsx';

interface Props {
  stage: Stage;
  /** The first cards from the board call. */
  cards: readonly BoardCard[];
  totals: Totals;
  filters: DealFilters;
  pending: Pending;
  ownerName: (id: string | null) => string | undefined;
}

/** One stage on the board: its name, count and sums, its cards, and "load more" when it holds more. */
export function BoardColumn({ stage, cards, totals, filters, pending, ownerName }: Props) {
  const { t } = useTranslation();
  const name = stageLabel(t, stage);
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage } });
  // After "load more" the column reads all its deals page by page from the list API.
  const [expanded, setExpanded] = useState(false);
  const more = useStageDeals(stage.id, filters, expanded);
  const base = useMemo(() => {
    if (!expanded || !more.data) return cards;
    const now = Date.now();
    return more.data.pages.flatMap((page) => page.data).map((deal) => toCard(deal, stage, now));
  }, [expanded, more.data, cards, stage]);
  const shown = columnCards(base, stage.id, pending);
  const hasMore = shown.length < totals.count && (!expanded || more.hasNextPage || more.isPending);

  return (
    <section
      ref={setNodeRef}
      className={classes.column}
      data-kind={stage.kind}
      data-over={isOver || undefined}
      data-stage={stage.id}
      aria-label={name}
    >
      <div className={classes.columnHeader}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Title order={2} size="h5" lineClamp={1}>
            {name}
          </Title>
          <Badge variant="light" color="gray" circle={totals.count < 10} data-testid="stage-count">
            {totals.count}
          </Badge>
        </Group>
        <Group gap={6} wrap="nowrap" mt={2}>
          <Text size="sm" fw={600} data-testid="stage-sum">
            {formatMoney(totals.amountCents)}
          </Text>
          {stage.kind === 'open' && (
            <Tooltip label={t('board.weightedHint', { probability: stage.probability })} withArrow>
              <Text size="xs" c="dimmed" data-testid="stage-weighted">
                {t('board.weighted', { amount: formatMoney(totals.weightedAmountCents) })}
              </Text>
            </Tooltip>
          )}
        </Group>
      </div>
      <div className={classes.cards}>
        {shown.map((card) => (
          <DraggableDealCard key={card.id} card={card} ownerName={ownerName(card.ownerId)} />
        ))}
        {shown.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" py="md">
            {t('board.emptyStage')}
          </Text>
        )}
        {hasMore && (
          <Stack gap={2} align="center" mt={4}>
            <Button
              variant="subtle"
              size="xs"
              loading={expanded && (more.isPending || more.isFetchingNextPage)}
              onClick={() => (expanded ? void more.fetchNextPage() : setExpanded(true))}
            >
              {t('board.loadMore')}
            </Button>
            <Text size="xs" c="dimmed">
              {t('board.shownOf', { shown: shown.length, count: totals.count })}
            </Text>
          </Stack>
        )}
      </div>
    </section>
  );
}

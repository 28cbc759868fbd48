import { useDraggable } from '@dnd-kit/core';
import { ActionIcon } from '@mantine/core';
import { IconGripVertical } from '@tabler/icons-react';
import type { KeyboardEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCard } from '../../../api/types.ts';
import classes from './Board.module.css';
import { DealCard } from './DealCard.tsx';

/**
 * A card that can be dragged: with the mouse or a finger anywhere on it, with the keyboard from its
 * handle (focus it, Space to pick up, ← → to choose the stage, Space to drop, Escape to cancel).
 */
export function DraggableDealCard({ card, ownerName }: { card: BoardCard; ownerName: string | undefined }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: card.id,
    data: { card },
    attributes: { roleDescription: t('board.draggable') },
  });
  const { onKeyDown, ...pointerListeners } = listeners ?? {};

  return (
    <div ref={setNodeRef} {...pointerListeners} data-deal-card={card.id} data-title={card.title}>
      <DealCard
        card={card}
        ownerName={ownerName}
        dragging={isDragging}
        handle={
          <ActionIcon
            ref={setActivatorNodeRef}
            variant="subtle"
            color="gray"
            size="sm"
            className={classes.handle}
            {...attributes}
            onKeyDown={onKeyDown as KeyboardEventHandler<HTMLButtonElement> | undefined}
            aria-label={t('board.moveCard', { title: card.title })}
          >
            <IconGripVertical size={16} aria-hidden="true" />
          </ActionIcon>
        }
      />
    </div>
  );
}

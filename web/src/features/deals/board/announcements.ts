import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import type { BoardCard, Stage } from '../../../api/types.ts';
import { stageLabel } from '../../pipelines/stages.ts';

type Data = { current?: { card?: BoardCard; stage?: Stage } } | undefined;

const titleOf = (data: Data) => data?.current?.card?.title ?? '';
const stageOf = (t: TFunction, data: Data) => (data?.current?.stage ? stageLabel(t, data.current.stage) : '');

/** What screen readers hear while a card is dragged (dnd-kit speaks these through its aria-live region). */
export function boardAnnouncements(t: TFunction, stageName: (stageId: string) => string): Announcements {
  return {
    onDragStart: ({ active }) =>
      t('board.announce.picked', { title: titleOf(active.data), stage: stageName(active.data.current?.card?.stageId ?? '') }),
    onDragOver: ({ active, over }) =>
      over
        ? t('board.announce.over', { title: titleOf(active.data), stage: stageOf(t, over.data) })
        : t('board.announce.outside'),
    onDragEnd: ({ active, over }) =>
      over
        ? t('board.announce.dropped', { title: titleOf(active.data), stage: stageOf(t, over.data) })
        : t('board.announce.cancelled'),
    onDragCancel: () => t('board.announce.cancelled'),
  };
}

export function boardInstructions(t: TFunction): ScreenReaderInstructions {
  return { draggable: t('board.instructions') };
}

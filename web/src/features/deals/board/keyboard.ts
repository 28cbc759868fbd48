import {
  type CollisionDetection,
  KeyboardCode,
  type KeyboardCoordinateGetter,
  pointerWithin,
  rectIntersection,
} from '@dnd-kit/core';

/** The pointer decides where a dragged card is over; without one (keyboard) the card's rectangle does. */
export const boardCollisions: CollisionDetection = (args) => {
  if (args.pointerCoordinates) {
    const within = pointerWithin(args);
    if (within.length > 0) return within;
  }
  return rectIntersection(args);
};

/**
 * Keyboard dragging jumps from column to column: ← and → move the card to the middle of the previous or
 * next stage (↑ and ↓ do nothing, the order inside a stage is not kept).
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (event.code !== KeyboardCode.Left && event.code !== KeyboardCode.Right) {
    if (event.code === KeyboardCode.Up || event.code === KeyboardCode.Down) event.preventDefault();
    return undefined;
  }
  event.preventDefault();
  if (!collisionRect) return undefined;
  const columns = droppableContainers
    .getEnabled()
    .map((container) => droppableRects.get(container.id))
    .filter((rect): rect is NonNullable<typeof rect> => rect !== undefined)
    .sort((a, b) => a.left - b.left);
  const center = collisionRect.left + collisionRect.width / 2;
  const target =
    event.code === KeyboardCode.Right
      ? columns.find((rect) => rect.left > center)
      : columns.filter((rect) => rect.left + rect.width < center).at(-1);
  if (!target) return undefined;
  return {
    x: target.left + (target.width - collisionRect.width) / 2,
    y: Math.max(collisionRect.top, target.top + 8),
  };
};

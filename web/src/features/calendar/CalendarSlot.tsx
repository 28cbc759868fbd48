import { useDroppable } from '@dnd-kit/core';
import type { ReactNode } from 'react';
import classes from './Calendar.module.css';

interface Props {
  id: string;
  row: number;
  column: number;
  fullHour: boolean;
  today: boolean;
  children?: ReactNode;
}

/** One 30-minute cell of one day; tasks dropped here move to its time. */
export function CalendarSlot({ id, row, column, fullHour, today, children }: Props) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <div
      ref={setNodeRef}
      className={classes.slot}
      style={{ gridRow: row, gridColumn: column }}
      data-hour={fullHour || undefined}
      data-today={today || undefined}
      data-over={isOver || undefined}
      data-slot={id}
    >
      {children}
    </div>
  );
}

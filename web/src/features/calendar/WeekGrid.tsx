import {
  type Announcements,
  type CollisionDetection,
  closestCenter,
  DndContext,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../api/types.ts';
import classes from './Calendar.module.css';
import { CalendarSlot } from './CalendarSlot.tsx';
import { CalendarTask } from './CalendarTask.tsx';
import { dayKey, FIRST_HOUR, neighbourSlot, parseSlotId, SLOTS, slotId, slotOf, slotStart } from './calendarMath.ts';
import { formatDayHeader, formatSlot } from './format.ts';

interface Props {
  days: Date[];
  tasks: Task[];
  colorOf: (task: Task) => string;
  showAssignee: boolean;
  onOpen: (task: Task) => void;
  onMove: (task: Task, day: Date, slot: number) => void;
}

// The pointer decides where a dragged task lands; the keyboard has no pointer, there the nearest slot does.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : closestCenter(args);
};

const slotLabel = (id: unknown) => {
  const at = typeof id === 'string' ? parseSlotId(id) : null;
  return at ? formatSlot(slotStart(at.day, at.slot)) : '';
};

/** Day or week grid, 07:00–20:00 in half hours, with tasks at their due time; drag to reschedule. */
export function WeekGrid({ days, tasks, colorOf, showAssignee, onOpen, onMove }: Props) {
  const { t } = useTranslation();
  const today = dayKey(new Date());

  // Arrow keys jump a whole slot: up/down 30 minutes, left/right a day.
  const coordinateGetter: KeyboardCoordinateGetter = (event, { active, context, currentCoordinates }) => {
    const from =
      (context.over?.id as string | undefined) ??
      (active ? (context.draggableNodes.get(active)?.data.current?.slot as string) : undefined);
    const target = from ? neighbourSlot(from, event.code, days) : null;
    const rect = target ? context.droppableRects.get(target) : undefined;
    if (!rect) return event.code.startsWith('Arrow') ? currentCoordinates : undefined;
    event.preventDefault();
    return { x: rect.left + 2, y: rect.top + 1 };
  };
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space'] },
    }),
  );

  const cells = useMemo(() => {
    const map = new Map<string, Task[]>();
    for (const task of tasks) {
      if (!task.dueAt) continue;
      const due = new Date(task.dueAt);
      const id = slotId(due, slotOf(due));
      map.set(id, [...(map.get(id) ?? []), task]);
    }
    return map;
  }, [tasks]);

  const title = (id: unknown) => tasks.find((task) => task.id === id)?.title ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('calendar.dnd.pickUp', { title: title(active.id) }),
    onDragOver: ({ over }) => (over ? t('calendar.dnd.over', { slot: slotLabel(over.id) }) : undefined),
    onDragEnd: ({ active, over }) =>
      over ? t('calendar.dnd.drop', { title: title(active.id), slot: slotLabel(over.id) }) : undefined,
    onDragCancel: () => t('calendar.dnd.cancel'),
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const task = active.data.current?.task as Task | undefined;
    const at = over ? parseSlotId(String(over.id)) : null;
    if (task && at && over?.id !== active.data.current?.slot) onMove(task, at.day, at.slot);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      // Scroll only when the pointer is right at the edge: the grid's lower rows sit near the window's bottom.
      autoScroll={{ threshold: { x: 0.1, y: 0.06 } }}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('calendar.dnd.instructions') } }}
    >
      <div className={classes.scroller}>
        <div
          className={classes.grid}
          style={{
            gridTemplateColumns: `3.25rem repeat(${days.length}, minmax(${days.length > 1 ? '6.5rem' : '12rem'}, 1fr))`,
            minWidth: days.length > 1 ? '49rem' : undefined,
          }}
        >
          <div className={classes.corner} style={{ gridRow: 1, gridColumn: 1 }} />
          {days.map((day, i) => (
            <div
              key={dayKey(day)}
              className={classes.dayHeader}
              style={{ gridRow: 1, gridColumn: i + 2 }}
              data-today={dayKey(day) === today || undefined}
            >
              {formatDayHeader(day)}
            </div>
          ))}
          {Array.from({ length: SLOTS }, (_, slot) => {
            const fullHour = slot % 2 === 0;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows are the fixed half hours of the day
              <Fragment key={slot}>
                <div className={classes.time} style={{ gridRow: slot + 2, gridColumn: 1 }} aria-hidden="true">
                  {fullHour ? `${String(FIRST_HOUR + slot / 2).padStart(2, '0')}:00` : ''}
                </div>
                {days.map((day, i) => {
                  const id = slotId(day, slot);
                  return (
                    <CalendarSlot
                      key={id}
                      id={id}
                      row={slot + 2}
                      column={i + 2}
                      fullHour={fullHour}
                      today={dayKey(day) === today}
                    >
                      {cells.get(id)?.map((task) => (
                        <CalendarTask
                          key={task.id}
                          task={task}
                          slot={id}
                          color={colorOf(task)}
                          showAssignee={showAssignee}
                          onOpen={onOpen}
                        />
                      ))}
                    </CalendarSlot>
                  );
                })}
              </Fragment>
            );
          })}
        </div>
      </div>
    </DndContext>
  );
}

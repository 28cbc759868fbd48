import { useDraggable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../api/types.ts';
import { formatTime } from '../tasks/format.ts';
import classes from './Calendar.module.css';

interface Props {
  task: Task;
  /** Mantine colour name: the assignee's in the team view. */
  color: string;
  slot: string;
  onOpen: (task: Task) => void;
  showAssignee: boolean;
}

/** A task in the grid: click or Enter opens it; drag it (or Space, arrows, Space) to reschedule. */
export function CalendarTask({ task, color, slot, onOpen, showAssignee }: Props) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: task.id,
    data: { task, slot },
    // Done tasks stay where they were done.
    disabled: task.status !== 'open',
  });
  const tone = task.status === 'open' && task.overdue ? 'red' : task.status === 'done' ? 'gray' : color;
  const time = task.dueAt ? formatTime(task.dueAt) : '';
  const style = {
    transform: CSS.Translate.toString(transform),
    '--task-accent': `var(--mantine-color-${tone}-6)`,
    '--task-bg': `var(--mantine-color-${tone}-0)`,
  } as CSSProperties;
  const who = showAssignee && task.assigneeName ? ` · ${task.assigneeName}` : '';

  return (
    <button
      type="button"
      ref={setNodeRef}
      className={classes.task}
      style={style}
      {...attributes}
      {...listeners}
      // Enter opens the task; during a keyboard move (Space … Space) it does nothing.
      onClick={() => !isDragging && onOpen(task)}
      aria-roledescription={t('calendar.dnd.roleDescription')}
      aria-label={`${time} ${task.title}${who}${task.status === 'done' ? ` (${t('tasks.status.done')})` : ''}`}
      title={`${time} ${task.title}${who}`}
      data-dragging={isDragging || undefined}
      data-status={task.status}
      data-calendar-task={task.title}
    >
      <span className={classes.taskTime}>{time}</span>
      <span className={classes.taskTitle}>
        {task.title}
        {who}
      </span>
    </button>
  );
}

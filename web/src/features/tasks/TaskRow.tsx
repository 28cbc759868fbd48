import { ActionIcon, Anchor, Group, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconRotate, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Task } from '../../api/types.ts';
import { TaskDue } from './TaskDue.tsx';
import { TaskLinks } from './TaskLinks.tsx';
import classes from './TaskRow.module.css';
import { TaskTypeIcon, useTaskTypeNames } from './taskTypes.tsx';

interface Props {
  task: Task;
  onComplete: (task: Task) => void;
  onReopen: (task: Task) => void;
  /** Shows who the task is assigned to (team view, records). */
  showAssignee?: boolean;
  reopening?: boolean;
}

/** One task in a list: type, title, due time, linked records, assignee; complete or reopen in one click. */
export function TaskRow({ task, onComplete, onReopen, showAssignee = true, reopening }: Props) {
  const { t } = useTranslation();
  const { nameOf } = useTaskTypeNames();
  const open = task.status === 'open';

  return (
    <div className={classes.row} data-task={task.title} data-status={task.status}>
      <Tooltip label={nameOf(task.type)} withArrow>
        <ThemeIcon
          variant="light"
          color={open && task.overdue ? 'red' : 'blue'}
          size="lg"
          radius="md"
          aria-label={nameOf(task.type)}
        >
          <TaskTypeIcon type={task.type} />
        </ThemeIcon>
      </Tooltip>
      <Stack gap={2} className={classes.main}>
        <Anchor
          component={Link}
          to={`/tasks/${task.id}`}
          fw={600}
          c="inherit"
          td={task.status === 'canceled' ? 'line-through' : undefined}
          className={classes.title}
        >
          {task.title}
        </Anchor>
        <Group gap="md" wrap="wrap" style={{ rowGap: 2 }}>
          <TaskDue task={task} />
          <TaskLinks task={task} />
          {showAssignee && (
            <Text span size="sm" c="dimmed" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
              <IconUser size={14} aria-hidden="true" />
              {task.assigneeName ?? t('tasks.unassigned')}
            </Text>
          )}
        </Group>
      </Stack>
      {open ? (
        <Tooltip label={t('tasks.complete')} withArrow>
          <ActionIcon
            variant="subtle"
            color="teal"
            size="lg"
            onClick={() => onComplete(task)}
            aria-label={t('tasks.completeFor', { title: task.title })}
          >
            <IconCircleCheck size={22} />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Tooltip label={t('tasks.reopen')} withArrow>
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={() => onReopen(task)}
            loading={reopening}
            aria-label={`${t('tasks.reopen')}: ${task.title}`}
          >
            <IconRotate size={20} />
          </ActionIcon>
        </Tooltip>
      )}
    </div>
  );
}

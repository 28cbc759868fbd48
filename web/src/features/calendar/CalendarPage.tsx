import { Badge, Button, Group, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarShare } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../api/auth.ts';
import { useRescheduleTask, useTasksInRange } from '../../api/tasks.ts';
import type { Task } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorSummary } from '../../components/errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useLiveTasks } from '../tasks/useLiveTasks.ts';
import { CalendarToolbar } from './CalendarToolbar.tsx';
import { addDays, type CalendarView, dayKey, daysOf, isoWeek, movedDue, parseDayKey } from './calendarMath.ts';
import { assigneeColors } from './colors.ts';
import { formatLongDay, formatShortDate } from './format.ts';
import { SubscribeModal } from './SubscribeModal.tsx';
import { WeekGrid } from './WeekGrid.tsx';

/** Day and week views of my tasks (a head: the team's), drag to reschedule, subscribe as iCalendar. */
export function CalendarPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [params, setParams] = useSearchParams();
  const [subscribing, setSubscribing] = useState(false);
  useLiveTasks();

  const anchor = parseDayKey(params.get('date')) ?? new Date();
  const view: CalendarView =
    params.get('view') === 'day' || params.get('view') === 'week' ? (params.get('view') as CalendarView) : phone ? 'day' : 'week';
  const canTeam = me.role === 'head' || me.role === 'admin';
  const scope = canTeam && params.get('scope') === 'team' ? 'team' : 'mine';
  const days = daysOf(view, anchor);
  const first = days[0] as Date;
  const last = days[days.length - 1] as Date;

  const range = useTasksInRange({
    mine: scope === 'mine' ? true : undefined,
    dueFrom: first.toISOString(),
    dueTo: addDays(last, 1).toISOString(),
  });
  const reschedule = useRescheduleTask();
  const tasks = useMemo(() => (range.data ?? []).filter((task) => task.status !== 'canceled'), [range.data]);
  const colors = useMemo(() => {
    const people = new Map<string, string>();
    for (const task of tasks) if (task.assigneeId) people.set(task.assigneeId, task.assigneeName ?? '');
    return assigneeColors([...people].map(([id, name]) => ({ id, name })));
  }, [tasks]);

  // From the address bar, not this render's params: React Router renders the new URL in a transition, so a
  // second quick click (Heute, then Team) would otherwise start from the old one and undo the first.
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const label =
    view === 'week'
      ? `${t('calendar.weekNumber', { week: isoWeek(first) })} · ${formatShortDate(first)} – ${formatShortDate(last)}`
      : formatLongDay(first);

  const move = (task: Task, day: Date, slot: number) => {
    const dueAt = movedDue(new Date(task.dueAt ?? day), day, slot).toISOString();
    reschedule.mutate(
      { task, dueAt },
      {
        onSuccess: (moved) =>
          notifications.show({
            color: 'teal',
            message: t('calendar.rescheduled', { title: moved.title, at: formatDateTime(moved.dueAt) }),
          }),
        onError: (error) =>
          notifications.show({ color: 'red', title: t('calendar.rescheduleFailed'), message: errorSummary(t, error) }),
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        description={t('calendar.dragHint')}
        actions={
          <Button variant="light" leftSection={<IconCalendarShare size={18} />} onClick={() => setSubscribing(true)}>
            {t('calendar.subscribe.button')}
          </Button>
        }
      />
      <CalendarToolbar
        label={label}
        view={view}
        onView={(next) => set({ view: next })}
        onStep={(step) => set({ date: dayKey(addDays(first, step * days.length)) })}
        onToday={() => set({ date: null })}
        scope={canTeam ? { value: scope, onChange: (next) => set({ scope: next === 'team' ? 'team' : null }) } : undefined}
      />
      {range.isError && <ErrorAlert error={range.error} onRetry={() => void range.refetch()} />}
      {scope === 'team' && colors.size > 0 && (
        <Group gap="xs" mb="sm" aria-label={t('tasks.fields.assignee')}>
          {[...colors].map(([id, color]) => (
            <Badge key={id} color={color} variant="light" tt="none">
              {tasks.find((task) => task.assigneeId === id)?.assigneeName}
            </Badge>
          ))}
        </Group>
      )}
      <WeekGrid
        days={days}
        tasks={tasks}
        colorOf={(task) => (scope === 'team' && task.assigneeId ? (colors.get(task.assigneeId) ?? 'blue') : 'blue')}
        showAssignee={scope === 'team'}
        onOpen={(task) => void navigate(`/tasks/${task.id}`)}
        onMove={move}
      />
      {!range.isPending && tasks.length === 0 && (
        <Text size="sm" c="dimmed" mt="sm">
          {t('calendar.empty')}
        </Text>
      )}
      <SubscribeModal opened={subscribing} onClose={() => setSubscribing(false)} />
    </>
  );
}

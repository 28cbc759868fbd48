import { ActionIcon, Button, Group, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CalendarView } from './calendarMath.ts';

interface Props {
  label: string;
  view: CalendarView;
  onView: (view: CalendarView) => void;
  onStep: (step: -1 | 1) => void;
  onToday: () => void;
  /** "Meine | Team" for heads and admins. */
  scope?: { value: 'mine' | 'team'; onChange: (scope: 'mine' | 'team') => void };
}

export function CalendarToolbar({ label, view, onView, onStep, onToday, scope }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mb="md" gap="sm">
      <Group gap="xs" style={{ rowGap: 4 }}>
        <Group gap="xs" wrap="nowrap">
          <Tooltip label={t('calendar.prev')} withArrow>
            <ActionIcon variant="default" size="lg" onClick={() => onStep(-1)} aria-label={t('calendar.prev')}>
              <IconChevronLeft size={18} />
            </ActionIcon>
          </Tooltip>
          <Button variant="default" onClick={onToday}>
            {t('calendar.today')}
          </Button>
          <Tooltip label={t('calendar.next')} withArrow>
            <ActionIcon variant="default" size="lg" onClick={() => onStep(1)} aria-label={t('calendar.next')}>
              <IconChevronRight size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Text fw={600} aria-live="polite" data-testid="calendar-range">
          {label}
        </Text>
      </Group>
      <Group gap="xs">
        {scope && (
          <SegmentedControl
            aria-label={t('calendar.scope')}
            value={scope.value}
            onChange={(value) => scope.onChange(value as 'mine' | 'team')}
            data={[
              { value: 'mine', label: t('calendar.mine') },
              { value: 'team', label: t('calendar.team') },
            ]}
          />
        )}
        <SegmentedControl
          aria-label={t('calendar.view')}
          value={view}
          onChange={(value) => onView(value as CalendarView)}
          data={[
            { value: 'day', label: t('calendar.day') },
            { value: 'week', label: t('calendar.week') },
          ]}
        />
      </Group>
    </Group>
  );
}

import { ActionIcon, Button, Group, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OpeningHours } from '../../api/types.ts';
import { intlLocale } from '../../i18n/format.ts';

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const MAX_RANGES = 4;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A 24-hour time; the picker answers "HH:mm:ss" (or "" while incomplete), the API takes "HH:mm". */
function TimeField({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <TimePicker
      aria-label={label}
      hoursInputLabel={label}
      format="24h"
      value={value}
      error={error}
      onChange={(next) => onChange(next.slice(0, 5))}
      w={92}
    />
  );
}

/** "Montag" for ISO weekday "1" (1 January 2024 was a Monday). */
export function weekdayName(day: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { weekday: 'long' }).format(new Date(2024, 0, Number(day)));
}

export function invalidRanges(days: OpeningHours): Set<string> {
  const bad = new Set<string>();
  for (const [day, ranges] of Object.entries(days)) {
    ranges.forEach(([from, to], i) => {
      if (!HHMM.test(from) || !HHMM.test(to) || from >= to) bad.add(`${day}.${i}`);
    });
  }
  return bad;
}

interface Props {
  value: OpeningHours;
  onChange: (value: OpeningHours) => void;
}

/** Opening hours per weekday: closed, or one to four from–to ranges. */
export function OpeningHoursFields({ value, onChange }: Props) {
  const { t } = useTranslation();
  const invalid = invalidRanges(value);
  const setDay = (day: string, ranges: [string, string][]) => onChange({ ...value, [day]: ranges });

  return (
    <Stack gap="xs">
      {WEEKDAYS.map((day) => {
        const ranges = value[day] ?? [];
        const name = weekdayName(day);
        const setRange = (i: number, range: [string, string]) =>
          setDay(
            day,
            ranges.map((r, j) => (j === i ? range : r)),
          );
        return (
          <Group key={day} align="flex-start" gap="sm" wrap="wrap" data-weekday={day}>
            <Switch
              w={150}
              mt={8}
              label={name}
              checked={ranges.length > 0}
              onChange={(event) => setDay(day, event.currentTarget.checked ? [['09:00', '17:00']] : [])}
            />
            {ranges.length === 0 ? (
              <Text size="sm" c="dimmed" mt={8}>
                {t('workSettings.closed')}
              </Text>
            ) : (
              <Stack gap={6} style={{ flex: '1 1 18rem' }}>
                {ranges.map(([from, to], i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: ranges have no identity besides their position
                  <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
                    <TimeField
                      label={`${name} ${t('workSettings.from')}`}
                      value={from}
                      onChange={(value) => setRange(i, [value, to])}
                    />
                    <Text size="sm" mt={8}>
                      {t('workSettings.to')}
                    </Text>
                    <TimeField
                      label={`${name} ${t('workSettings.to')}`}
                      value={to}
                      error={invalid.has(`${day}.${i}`) ? t('workSettings.invalidRange') : undefined}
                      onChange={(value) => setRange(i, [from, value])}
                    />
                    <Tooltip label={t('workSettings.removeRange')} withArrow>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        mt={4}
                        aria-label={`${name}: ${t('workSettings.removeRange')}`}
                        onClick={() =>
                          setDay(
                            day,
                            ranges.filter((_, j) => j !== i),
                          )
                        }
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                ))}
                {ranges.length < MAX_RANGES && (
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    leftSection={<IconPlus size={14} />}
                    onClick={() => setDay(day, [...ranges, ['13:00', '17:00']])}
                    style={{ alignSelf: 'flex-start' }}
                  >
                    {t('workSettings.addRange')}
                  </Button>
                )}
              </Stack>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}

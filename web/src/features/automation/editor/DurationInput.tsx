import { Group, NumberInput, Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitMinutes, type TimeUnit, UNIT_MINUTES } from '../time.ts';

interface Props {
  label: string;
  /** Minutes; negative values are shown as their amount (the direction is chosen elsewhere). */
  minutes: number | undefined;
  onChange: (minutes: number) => void;
  error?: string;
  /** Hide minutes for coarse values (date offsets). */
  units?: TimeUnit[];
}

/** A span of time as amount + unit (minutes, hours, days), stored as minutes. */
export function DurationInput({ label, minutes, onChange, error, units = ['minutes', 'hours', 'days'] }: Props) {
  const { t } = useTranslation();
  const initial = splitMinutes(minutes ?? 0);
  const [unit, setUnit] = useState<TimeUnit>(units.includes(initial.unit) ? initial.unit : (units[0] as TimeUnit));
  const amount = Math.abs(minutes ?? 0) / UNIT_MINUTES[unit];
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <NumberInput
        label={label}
        min={0}
        decimalScale={2}
        value={Number.isFinite(amount) ? amount : 0}
        error={error}
        style={{ flex: 1, minWidth: 0 }}
        onChange={(v) => onChange(Math.round((typeof v === 'number' ? v : 0) * UNIT_MINUTES[unit]))}
      />
      <Select
        aria-label={t('automation.units.label', { field: label })}
        data={units.map((u) => ({ value: u, label: t(`automation.units.${u}`) }))}
        value={unit}
        allowDeselect={false}
        w={110}
        onChange={(u) => {
          const nextUnit = (u ?? 'minutes') as TimeUnit;
          setUnit(nextUnit);
          onChange(Math.round(amount * UNIT_MINUTES[nextUnit]));
        }}
      />
    </Group>
  );
}

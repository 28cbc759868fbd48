import { ActionIcon, Badge, Button, Group, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format.ts';
import { dateFormat } from '../customers/DatesLocale.tsx';

interface Props {
  value: string[];
  onChange: (value: string[]) => void;
}

/** Days off (YYYY-MM-DD): pick a date and add it; each can be removed again. */
export function HolidaysField({ value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState<string | null>(null);
  const add = () => {
    if (!date) return;
    const day = date.slice(0, 10);
    if (!value.includes(day)) onChange([...value, day].sort());
    setDate(null);
  };

  return (
    <>
      <Group gap="xs" align="flex-end" mb="sm">
        <DatePickerInput
          label={t('workSettings.holidayDate')}
          value={date}
          onChange={setDate}
          valueFormat={dateFormat(i18n.language)}
          clearable
          w={200}
        />
        <Button variant="light" leftSection={<IconPlus size={16} />} onClick={add} disabled={!date}>
          {t('workSettings.holidayAdd')}
        </Button>
      </Group>
      {value.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('workSettings.holidaysEmpty')}
        </Text>
      ) : (
        <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {value.map((day) => (
            <li key={day}>
              <Badge
                variant="light"
                size="lg"
                tt="none"
                rightSection={
                  <ActionIcon
                    size="xs"
                    variant="transparent"
                    onClick={() => onChange(value.filter((d) => d !== day))}
                    aria-label={t('workSettings.holidayRemove', { date: formatDate(day) })}
                  >
                    <IconX size={12} />
                  </ActionIcon>
                }
              >
                {formatDate(day)}
              </Badge>
            </li>
          ))}
        </Group>
      )}
    </>
  );
}

import { Button, Group, NumberInput, Popover, Select, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconFilterPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../api/types.ts';
import { parseDateInput, useNumberFormat } from './CustomFieldInput.tsx';
import { dateFormat } from './DatesLocale.tsx';

/** Custom fields a list can filter by (equality); a moment in time is never equal to a typed one. */
export function filterableFields(fields: CustomField[]): CustomField[] {
  return fields.filter((field) => field.type !== 'datetime');
}

/** The filter's value as the list's query parameter takes it (money in cents, flags as true/false). */
function toParam(field: CustomField, value: string | number | null): string | null {
  if (value === null || value === '') return null;
  if (field.type === 'money') return String(Math.round(Number(value) * 100));
  return String(value);
}

function ValueInput({
  field,
  value,
  onChange,
}: {
  field: CustomField;
  value: string | number | null;
  onChange: (value: string | number | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const numbers = useNumberFormat();
  const label = t('customers.filterValue');
  switch (field.type) {
    case 'number':
    case 'money':
      return (
        <NumberInput
          label={label}
          {...numbers}
          decimalScale={field.type === 'money' ? 2 : undefined}
          rightSection={field.type === 'money' ? '€' : undefined}
          value={value ?? ''}
          onChange={(next) => onChange(next === '' ? null : next)}
        />
      );
    case 'date':
      return (
        <DateInput
          label={label}
          valueFormat={dateFormat(i18n.language)}
          dateParser={parseDateInput}
          placeholder={t('customers.datePlaceholder')}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          popoverProps={{ withinPortal: false }}
        />
      );
    case 'boolean':
      return (
        <Select
          label={label}
          data={[
            { value: 'true', label: t('customers.yes') },
            { value: 'false', label: t('customers.no') },
          ]}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          comboboxProps={{ withinPortal: false }}
        />
      );
    case 'select':
    case 'multiselect':
      return (
        <Select
          label={label}
          data={field.options}
          searchable
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          comboboxProps={{ withinPortal: false }}
        />
      );
    default:
      return <TextInput label={label} value={value ?? ''} onChange={(event) => onChange(event.currentTarget.value)} />;
  }
}

/** "Filter by field": pick a custom field, then its value; the filter joins the list's query. */
export function CustomFieldFilter({ fields, onAdd }: { fields: CustomField[]; onAdd: (param: string, value: string) => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [key, setKey] = useState<string | null>(null);
  const [value, setValue] = useState<string | number | null>(null);
  const choices = filterableFields(fields);
  const field = choices.find((candidate) => candidate.key === key) ?? null;
  if (choices.length === 0) return null;

  const apply = () => {
    if (!field) return;
    const param = toParam(field, value);
    if (param === null) return;
    onAdd(`customFields.${field.key}`, param);
    setOpened(false);
    setKey(null);
    setValue(null);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button variant="light" leftSection={<IconFilterPlus size={16} />} onClick={() => setOpened((o) => !o)}>
          {t('customers.addFieldFilter')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown w={280}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
        >
          <Stack gap="sm">
            <Select
              label={t('customers.filterField')}
              data={choices.map((choice) => ({ value: choice.key, label: choice.label }))}
              value={key}
              onChange={(next) => {
                setKey(next);
                setValue(null);
              }}
              searchable
              comboboxProps={{ withinPortal: false }}
            />
            {field && <ValueInput key={field.key} field={field} value={value} onChange={setValue} />}
            <Group justify="flex-end">
              <Button type="submit" disabled={!field || toParam(field, value) === null}>
                {t('customers.applyFilter')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

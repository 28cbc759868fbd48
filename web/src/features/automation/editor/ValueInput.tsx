import { MultiSelect, NumberInput, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '../fields.ts';

interface Props {
  def: FieldDef | undefined;
  value: unknown;
  onChange: (value: unknown) => void;
  /** `in` takes a list. */
  multiple?: boolean;
  label: string;
  /** Shown above the input (else only for screen readers, as in a condition row). */
  showLabel?: boolean;
  error?: string;
}

/** The value of a condition or an update_field step, entered the way its field's kind asks. */
export function ValueInput({ def, value, onChange, multiple, label, showLabel, error }: Props) {
  const { t } = useTranslation();
  const common = { label: showLabel ? label : undefined, error, 'aria-label': label } as const;
  const kind = def?.kind ?? 'text';
  if (multiple && def?.options)
    return (
      <MultiSelect
        {...common}
        data={def.options}
        value={Array.isArray(value) ? value.map(String) : []}
        onChange={onChange}
        searchable
      />
    );
  if (def?.options && (kind === 'select' || kind === 'choice' || kind === 'user' || kind === 'multiselect'))
    return (
      <Select
        {...common}
        data={def.options}
        value={typeof value === 'string' ? value : null}
        onChange={(v) => onChange(v ?? '')}
        searchable
      />
    );
  if (kind === 'boolean')
    return (
      <Select
        {...common}
        data={[
          { value: 'true', label: t('automation.yes') },
          { value: 'false', label: t('automation.no') },
        ]}
        value={value === true ? 'true' : value === false ? 'false' : null}
        onChange={(v) => onChange(v === 'true')}
      />
    );
  if (kind === 'money')
    return (
      <NumberInput
        {...common}
        decimalScale={2}
        suffix=" €"
        value={typeof value === 'number' ? value / 100 : ''}
        onChange={(v) => onChange(typeof v === 'number' ? Math.round(v * 100) : undefined)}
      />
    );
  if (kind === 'number')
    return (
      <NumberInput
        {...common}
        value={typeof value === 'number' ? value : ''}
        onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
      />
    );
  if (kind === 'date' || kind === 'datetime')
    return (
      <TextInput
        {...common}
        placeholder={kind === 'date' ? 'JJJJ-MM-TT' : '2026-01-31T09:00:00Z'}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  return (
    <TextInput
      {...common}
      value={value === undefined || value === null ? '' : String(value)}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

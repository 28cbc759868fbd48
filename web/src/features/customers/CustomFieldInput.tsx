import { MultiSelect, NumberInput, Select, Switch, Textarea } from '@mantine/core';
import { DateInput, DateTimePicker } from '@mantine/dates';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../api/types.ts';
import { dateFormat } from './DatesLocale.tsx';

const DAY = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;

/** Accepts 31.12.2026, 31/12/2026 and 2026-12-31. */
export function parseDateInput(input: string): string | null {
  const text = input.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const m = DAY.exec(text);
  if (!m) return null;
  return `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
}

export function useNumberFormat() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return { decimalSeparator: en ? '.' : ',', thousandSeparator: en ? ',' : '.' };
}

interface Props {
  field: CustomField;
  inputProps: GetInputPropsReturnType;
}

/** The input for a custom field by its type; required fields are marked. */
export function CustomFieldInput({ field, inputProps }: Props) {
  const { t, i18n } = useTranslation();
  const numbers = useNumberFormat();
  const common = { label: field.label, required: field.required, 'data-field': field.key };
  switch (field.type) {
    case 'number':
      return <NumberInput {...common} {...numbers} {...inputProps} />;
    case 'money':
      return (
        <NumberInput
          {...common}
          {...numbers}
          decimalScale={2}
          fixedDecimalScale
          rightSection="€"
          description={t('customers.moneyHint')}
          {...inputProps}
        />
      );
    case 'date':
      return (
        <DateInput
          {...common}
          valueFormat={dateFormat(i18n.language)}
          dateParser={parseDateInput}
          placeholder={t('customers.datePlaceholder')}
          clearable
          {...inputProps}
        />
      );
    case 'datetime':
      return <DateTimePicker {...common} valueFormat={`${dateFormat(i18n.language)} HH:mm`} clearable {...inputProps} />;
    case 'boolean':
      return <Switch {...common} mt="xl" {...inputProps} />;
    case 'select':
      return <Select {...common} data={field.options} clearable searchable {...inputProps} />;
    case 'multiselect':
      return <MultiSelect {...common} data={field.options} clearable searchable {...inputProps} />;
    default:
      return <Textarea {...common} autosize minRows={1} maxRows={6} {...inputProps} />;
  }
}

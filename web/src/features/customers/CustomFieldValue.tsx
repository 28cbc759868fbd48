import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../api/types.ts';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../i18n/format.ts';

/** A custom field's value as text, in the UI language's notation (for tables, timelines and filters). */
export function customValueText(field: Pick<CustomField, 'type'>, value: unknown, yesNo: [string, string]): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : String(value);
    case 'money':
      return typeof value === 'number' ? formatMoney(value) : String(value);
    case 'date':
      return formatDate(String(value));
    case 'datetime':
      return formatDateTime(String(value));
    case 'boolean':
      return value === true || value === 'true' ? yesNo[0] : yesNo[1];
    case 'multiselect':
      return Array.isArray(value) ? value.join(', ') : String(value);
    default:
      return String(value);
  }
}

/** A custom field's value for display: money, dates and numbers formatted, Ja/Nein, multiselect as badges. */
export function CustomFieldValue({ field, value }: { field: CustomField; value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return (
      <Text span c="dimmed" size="sm">
        —
      </Text>
    );
  }
  if (field.type === 'multiselect' && Array.isArray(value)) {
    return (
      <Group gap={4} component="span">
        {value.map((option) => (
          <Badge key={String(option)} variant="light" size="sm" tt="none">
            {String(option)}
          </Badge>
        ))}
      </Group>
    );
  }
  const text = customValueText(field, value, [t('customers.yes'), t('customers.no')]);
  return (
    <Text span size="sm" style={field.type === 'text' ? { whiteSpace: 'pre-wrap' } : undefined}>
      {text}
    </Text>
  );
}

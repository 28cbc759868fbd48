import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export type GroupBy = 'user' | 'month';

/** Per employee | per month, in the order given (the first is the report's default). */
export function GroupBySwitch({
  value,
  onChange,
  order,
}: {
  value: GroupBy;
  onChange: (value: GroupBy) => void;
  order: [GroupBy, GroupBy];
}) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      mb="sm"
      value={value}
      onChange={(v) => onChange(v === 'month' ? 'month' : 'user')}
      data={order.map((key) => ({ value: key, label: t(`reports.groupBy.${key}`) }))}
      aria-label={t('reports.groupBy.label')}
    />
  );
}

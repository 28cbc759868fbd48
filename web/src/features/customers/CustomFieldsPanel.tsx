import { DataList } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../api/types.ts';
import { CustomFieldValue } from './CustomFieldValue.tsx';
import { Panel } from './Panel.tsx';

/** A record's custom fields, each rendered by its type. */
export function CustomFieldsPanel({ fields, values }: { fields: CustomField[]; values: Record<string, unknown> }) {
  const { t } = useTranslation();
  if (fields.length === 0) return null;
  return (
    <Panel title={t('customers.customFields')}>
      <DataList labelWidth={150} withDivider>
        {fields.map((field) => (
          <DataList.Item key={field.key} data-field={field.key}>
            <DataList.ItemLabel>{field.label}</DataList.ItemLabel>
            <DataList.ItemValue>
              <CustomFieldValue field={field} value={values[field.key]} />
            </DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
    </Panel>
  );
}

import { Pill } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ListQuery } from '../../api/customers.ts';
import type { CustomField } from '../../api/types.ts';
import { customValueText } from './CustomFieldValue.tsx';
import { isCustomParam } from './listParams.ts';

function parsed(field: CustomField, raw: string): unknown {
  if (field.type === 'number' || field.type === 'money') return Number(raw);
  if (field.type === 'boolean') return raw === 'true';
  return raw;
}

/** The custom field filters in effect, each a pill that removes it. */
export function ActiveFieldFilters({
  query,
  fields,
  onRemove,
}: {
  query: ListQuery;
  fields: CustomField[];
  onRemove: (param: string) => void;
}) {
  const { t } = useTranslation();
  const active = Object.entries(query).filter(([key]) => isCustomParam(key));
  if (active.length === 0) return null;
  return (
    <Pill.Group>
      {active.map(([param, raw]) => {
        const field = fields.find((candidate) => `customFields.${candidate.key}` === param);
        const label = field ? field.label : param.slice('customFields.'.length);
        const text = field ? customValueText(field, parsed(field, raw), [t('customers.yes'), t('customers.no')]) : raw;
        return (
          <Pill
            key={param}
            size="md"
            withRemoveButton
            onRemove={() => onRemove(param)}
            removeButtonProps={{ 'aria-label': t('customers.removeFilter', { filter: label }) }}
            data-filter={param}
          >
            {label}: {text}
          </Pill>
        );
      })}
    </Pill.Group>
  );
}

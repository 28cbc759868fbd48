import { Badge, Button, Collapse, Group, Stack } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CustomerEntity, CustomField } from '../../api/types.ts';
import { ActiveFieldFilters } from './ActiveFieldFilters.tsx';
import { ColumnsMenu } from './ColumnsMenu.tsx';
import { CompanyFilterPill } from './CompanyFilterPill.tsx';
import { CustomFieldFilter } from './CustomFieldFilter.tsx';
import { LIST_FILTERS, type ListParams } from './listParams.ts';
import { OwnerFilter } from './OwnerFilter.tsx';
import { SavedViewsMenu } from './SavedViewsMenu.tsx';
import { TextFilter } from './TextFilter.tsx';

interface Props {
  entity: CustomerEntity;
  list: ListParams;
  fields: CustomField[];
  /** Values seen in the loaded rows, offered while typing a filter. */
  suggestions: { tag: string[]; source: string[] };
  hiddenColumns: string[];
  onHiddenColumns: (hidden: string[]) => void;
}

const FILTER_WIDTH = { base: '100%', xs: 170 };

/** Search, filters (documented and custom fields), saved views and column choice above a customer list. */
export function ListToolbar({ entity, list, fields, suggestions, hiddenColumns, onHiddenColumns }: Props) {
  const { t } = useTranslation();
  const { values, set } = list;
  // On a phone only the search shows; the other filters fold out.
  const phone = useMediaQuery('(max-width: 48em)');
  const [opened, { toggle }] = useDisclosure(false);
  const has = (filter: string) => LIST_FILTERS[entity].includes(filter);
  const text = (key: string, label: string, extra: { suggestions?: string[] } = {}) => (
    <TextFilter label={label} value={values[key] ?? ''} onChange={(value) => set({ [key]: value })} w={FILTER_WIDTH} {...extra} />
  );

  const filters = (
    <>
      <OwnerFilter value={values.ownerId ?? null} onChange={(ownerId) => set({ ownerId })} />
      {text('tag', t('customers.tag'), { suggestions: suggestions.tag })}
      {has('source') && text('source', t('customers.source'), { suggestions: suggestions.source })}
      {text('city', t('customers.city'))}
      {has('country') && text('country', t('customers.country'))}
    </>
  );
  const active = Object.keys(values).filter((key) => key !== 'q' && key !== 'sort').length;

  return (
    <Stack gap="sm" mb="md">
      <Group gap="sm" align="flex-end" wrap={phone ? 'nowrap' : 'wrap'}>
        <TextFilter
          search
          label={t('common.search')}
          placeholder={t(`${entity === 'contact' ? 'contacts' : 'companies'}.searchPlaceholder`)}
          value={values.q ?? ''}
          onChange={(q) => set({ q })}
        />
        {phone ? (
          <Button
            variant="default"
            onClick={toggle}
            aria-expanded={opened}
            leftSection={<IconAdjustmentsHorizontal size={16} />}
            rightSection={
              active > 0 ? (
                <Badge size="xs" circle>
                  {active}
                </Badge>
              ) : undefined
            }
          >
            {t('customers.filters')}
          </Button>
        ) : (
          filters
        )}
      </Group>
      {phone && (
        <Collapse expanded={opened}>
          <Stack gap="sm">{filters}</Stack>
        </Collapse>
      )}
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Group gap="sm" wrap="wrap">
          <CustomFieldFilter fields={fields} onAdd={(param, value) => set({ [param]: value })} />
          {values.companyId && <CompanyFilterPill companyId={values.companyId} onRemove={() => set({ companyId: null })} />}
          <ActiveFieldFilters query={values} fields={fields} onRemove={(param) => set({ [param]: null })} />
          {list.filtered && (
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconFilterOff size={16} />}
              onClick={() => list.replace(values.sort ? { sort: values.sort } : {})}
            >
              {t('common.resetFilters')}
            </Button>
          )}
        </Group>
        <Group gap="sm" wrap="wrap">
          <SavedViewsMenu entity={entity} query={values} onApply={list.replace} />
          <ColumnsMenu fields={fields} hidden={hiddenColumns} onChange={onHiddenColumns} />
        </Group>
      </Group>
    </Stack>
  );
}

import { Checkbox, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Selection } from './selection.ts';

/** The header cell that ticks every loaded row. */
export function SelectAllTh({ ids, selection }: { ids: string[]; selection: Selection }) {
  const { t } = useTranslation();
  const count = ids.filter((id) => selection.selected.includes(id)).length;
  return (
    <Table.Th w={40}>
      <Checkbox
        aria-label={t('customers.selectAll')}
        checked={count > 0 && count === ids.length}
        indeterminate={count > 0 && count < ids.length}
        onChange={(event) => selection.setAll(ids, event.currentTarget.checked)}
      />
    </Table.Th>
  );
}

export function SelectTd({ id, name, selection }: { id: string; name: string; selection: Selection }) {
  const { t } = useTranslation();
  return (
    <Table.Td>
      <Checkbox
        aria-label={t('customers.selectRow', { name })}
        checked={selection.selected.includes(id)}
        onChange={(event) => selection.toggle(id, event.currentTarget.checked)}
      />
    </Table.Td>
  );
}

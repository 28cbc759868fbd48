import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  field: string;
  /** The list's sort: field or -field. */
  sort: string;
  onSort: (sort: string) => void;
}

/** A column header that sorts the list: a first click ascending, the next descending. */
export function SortableTh({ label, field, sort, onSort }: Props) {
  const { t } = useTranslation();
  const active = sort === field || sort === `-${field}`;
  const descending = sort === `-${field}`;
  const Icon = !active ? IconArrowsSort : descending ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton
        onClick={() => onSort(active && !descending ? `-${field}` : field)}
        title={t('customers.sortBy', { field: label })}
        fw={700}
        fz="sm"
      >
        <Group gap={4} wrap="nowrap" align="center">
          <span>{label}</span>
          <Icon size={14} stroke={1.8} aria-hidden="true" opacity={active ? 1 : 0.4} style={{ flex: 'none' }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

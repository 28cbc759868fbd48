import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  label: string;
  render: (row: T) => ReactNode;
  numeric?: boolean;
}

interface Props<T> {
  label: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** A last row in bold, e.g. the totals. */
  footer?: T;
  minWidth?: number;
}

/** A report's figures as a table: numbers right-aligned, an optional totals row. */
export function ReportTable<T>({ label, columns, rows, rowKey, footer, minWidth = 520 }: Props<T>) {
  const cells = (row: T) =>
    columns.map((c) => (
      <Table.Td key={c.key} ta={c.numeric ? 'right' : undefined} style={c.numeric ? { whiteSpace: 'nowrap' } : undefined}>
        {c.render(row)}
      </Table.Td>
    ));
  return (
    <Table.ScrollContainer minWidth={minWidth} mt="md">
      <Table striped highlightOnHover verticalSpacing={6} fz="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} ta={c.numeric ? 'right' : undefined}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} data-row={rowKey(row)}>
              {cells(row)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        {footer && (
          <Table.Tfoot>
            <Table.Tr fw={600}>{cells(footer)}</Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}

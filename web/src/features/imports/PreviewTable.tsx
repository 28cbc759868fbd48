import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../api/types.ts';

/** The file's first rows as they were read. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const rows = preview.rows.slice(0, 5);
  return (
    <Table.ScrollContainer minWidth={Math.max(480, preview.headers.length * 140)}>
      <Table striped withTableBorder withColumnBorders fz="xs" aria-label={t('imports.preview')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            {preview.headers.map((header, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat; their position is their identity
              <Table.Th key={i}>{header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: file rows have no id
            <Table.Tr key={r}>
              <Table.Td c="dimmed">{r + 2}</Table.Td>
              {preview.headers.map((_, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells by column position
                <Table.Td key={c} style={{ whiteSpace: 'pre-wrap', maxWidth: 260 }}>
                  <Text size="xs" lineClamp={3}>
                    {row[c] ?? ''}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

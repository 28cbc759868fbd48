import { Select, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField, ImportPreview } from '../../api/types.ts';
import { orderedTargets, targetLabel } from './importFields.ts';

/** The choice that leaves a column out (a Select option needs a non-empty value). */
export const IGNORE = '__ignore__';

interface Props {
  preview: ImportPreview;
  fields: CustomField[];
  mapping: Record<string, string>;
  onChange: (header: string, target: string) => void;
  /** Field errors of the server by header (mapping.<header>). */
  errors: Record<string, string>;
}

/** Each column of the file → a field of Kontor, or ignored. */
export function MappingTable({ preview, fields, mapping, onChange, errors }: Props) {
  const { t } = useTranslation();
  const targets = useMemo(() => orderedTargets(preview.fields), [preview.fields]);
  const taken = new Set(Object.values(mapping).filter((target) => target !== IGNORE));
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" aria-label={t('imports.mapping')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('imports.column')}</Table.Th>
            <Table.Th>{t('imports.example')}</Table.Th>
            <Table.Th w={300}>{t('imports.target')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.headers.map((header, index) => {
            const value = mapping[header] ?? IGNORE;
            const examples = preview.rows
              .map((row) => row[index] ?? '')
              .filter((cell) => cell !== '')
              .slice(0, 2);
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: headers may repeat
              <Table.Tr key={index} data-column={header}>
                <Table.Td fw={600}>{header}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {examples.join(' · ') || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('imports.targetFor', { column: header })}
                    allowDeselect={false}
                    searchable
                    value={value}
                    onChange={(next) => onChange(header, next ?? IGNORE)}
                    error={errors[header]}
                    data={[
                      { value: IGNORE, label: t('imports.ignore') },
                      ...targets.map((target) => ({
                        value: target,
                        label: targetLabel(t, target, fields),
                        disabled: taken.has(target) && target !== value,
                      })),
                    ]}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

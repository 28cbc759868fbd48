import { ActionIcon, Badge, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../api/types.ts';
import { formatMoney, formatNumber } from '../../i18n/format.ts';
import { SortableTh } from '../customers/SortableTh.tsx';
import { DeleteProductButton } from './DeleteProductButton.tsx';

interface Props {
  products: Product[];
  sort: string;
  onSort: (sort: string) => void;
  /** Absent for readers: no edit and delete buttons. */
  onEdit?: (product: Product) => void;
}

export function ProductsTable({ products, sort, onSort, onEdit }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('products.title')}>
        <Table.Thead>
          <Table.Tr>
            <SortableTh label={t('products.name')} field="name" sort={sort} onSort={onSort} />
            <SortableTh label={t('products.sku')} field="sku" sort={sort} onSort={onSort} />
            <Table.Th>{t('products.unit')}</Table.Th>
            <SortableTh label={t('products.price')} field="unitPriceCents" sort={sort} onSort={onSort} />
            <Table.Th>{t('products.taxRate')}</Table.Th>
            <Table.Th>{t('products.status')}</Table.Th>
            {onEdit && (
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {products.map((product) => (
            <Table.Tr key={product.id} data-product={product.name}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {product.name}
                </Text>
                {product.description && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {product.description}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{product.sku ?? '—'}</Table.Td>
              <Table.Td>{product.unit}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatMoney(product.unitPriceCents)}</Table.Td>
              <Table.Td>{formatNumber(product.taxRate)} %</Table.Td>
              <Table.Td>
                <Badge color={product.active ? 'teal' : 'gray'} variant="light">
                  {product.active ? t('common.active') : t('common.inactive')}
                </Badge>
              </Table.Td>
              {onEdit && (
                <Table.Td>
                  <Group gap={2} wrap="nowrap" justify="flex-end">
                    <Tooltip label={t('common.edit')} withArrow>
                      <ActionIcon
                        variant="subtle"
                        onClick={() => onEdit(product)}
                        aria-label={t('products.editTitle', { name: product.name })}
                      >
                        <IconPencil size={18} />
                      </ActionIcon>
                    </Tooltip>
                    <DeleteProductButton product={product} />
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

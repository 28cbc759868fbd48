import { ActionIcon, Button, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLineItemMutations, useLineItems } from '../../../api/deals.ts';
import type { Deal, LineItem } from '../../../api/types.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { errorSummary } from '../../../components/errors.ts';
import { TableSkeleton } from '../../../components/LoadingState.tsx';
import { formatMoney, formatNumber } from '../../../i18n/format.ts';
import { Panel } from '../../customers/Panel.tsx';
import { LineItemModal } from './LineItemModal.tsx';
import { LineItemTotals } from './LineItemTotals.tsx';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The deal's positions with net per line and the totals; lines are added and changed in a dialog. */
export function LineItemsPanel({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const lines = useLineItems(deal.id);
  const { remove } = useLineItemMutations(deal.id);
  const [editing, setEditing] = useState<LineItem | 'new' | null>(null);
  const items = lines.data ?? [];

  const onDelete = (item: LineItem) =>
    remove.mutate(item.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('deals.lines.deleted', { name: item.description }) }),
      onError: (error) => notifications.show({ color: 'red', message: errorSummary(t, error) }),
    });

  return (
    <Panel
      title={t('deals.lines.title')}
      actions={
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
          {t('deals.lines.add')}
        </Button>
      }
    >
      {lines.isPending ? (
        <TableSkeleton columns={6} rows={2} />
      ) : lines.isError ? (
        <ErrorAlert error={lines.error} onRetry={() => void lines.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('deals.lines.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-label={t('deals.lines.title')} data-testid="line-items">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('deals.lines.description')}</Table.Th>
                {[
                  t('deals.lines.quantity'),
                  t('deals.lines.unitPrice'),
                  t('deals.lines.discount'),
                  t('deals.lines.taxRate'),
                  t('deals.lines.net'),
                ].map((label) => (
                  <Table.Th key={label} ta="right" style={NOWRAP}>
                    {label}
                  </Table.Th>
                ))}
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id} data-line={item.description}>
                  <Table.Td style={{ minWidth: 180, overflowWrap: 'break-word' }}>{item.description}</Table.Td>
                  <Table.Td ta="right" style={NOWRAP}>
                    {formatNumber(item.quantity)} {item.unit ?? ''}
                  </Table.Td>
                  <Table.Td ta="right" style={NOWRAP}>
                    {formatMoney(item.unitPriceCents, deal.currency)}
                  </Table.Td>
                  <Table.Td ta="right" style={NOWRAP}>
                    {item.discountPercent ? `${formatNumber(item.discountPercent)} %` : '—'}
                  </Table.Td>
                  <Table.Td ta="right" style={NOWRAP}>
                    {formatNumber(item.taxRate)} %
                  </Table.Td>
                  <Table.Td ta="right" fw={500} style={NOWRAP}>
                    {formatMoney(item.netCents, deal.currency)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap" justify="flex-end">
                      <Tooltip label={t('common.edit')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          onClick={() => setEditing(item)}
                          aria-label={t('deals.lines.editLabel', { name: item.description })}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('common.delete')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          loading={remove.isPending && remove.variables === item.id}
                          onClick={() => onDelete(item)}
                          aria-label={t('deals.lines.deleteLabel', { name: item.description })}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LineItemTotals deal={deal} items={items} />
      <LineItemModal deal={deal} item={editing} onClose={() => setEditing(null)} />
    </Panel>
  );
}

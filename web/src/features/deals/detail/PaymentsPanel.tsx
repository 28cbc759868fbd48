import { ActionIcon, Badge, Group, Progress, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../../api/auth.ts';
import { usePaymentMutations, usePayments } from '../../../api/deals.ts';
import type { Deal } from '../../../api/types.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { errorSummary } from '../../../components/errors.ts';
import { formatDate, formatMoney } from '../../../i18n/format.ts';
import { Panel } from '../../customers/Panel.tsx';
import { useUserNames } from '../../customers/useUserNames.ts';
import { PaymentForm } from './PaymentForm.tsx';

/** Payments against the deal: what came in, the sum against the gross amount, and the paid mark. */
export function PaymentsPanel({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const payments = usePayments(deal.id);
  const { remove } = usePaymentMutations(deal.id);
  const names = useUserNames();
  const money = (cents: number) => formatMoney(cents, deal.currency);
  const share = deal.grossCents > 0 ? Math.min(100, (deal.paidCents / deal.grossCents) * 100) : 0;
  const mayRemove = me.role === 'admin' || me.role === 'head';
  const items = payments.data ?? [];

  return (
    <Panel
      title={t('deals.payments.title')}
      actions={
        deal.paidAt ? (
          <Badge color="teal" variant="filled" data-testid="paid-badge">
            {t('deals.payments.paidOn', { date: formatDate(deal.paidAt) })}
          </Badge>
        ) : undefined
      }
    >
      <Stack gap="sm">
        <Stack gap={4}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" data-testid="paid-sum">
              {t('deals.payments.paidOf', { paid: money(deal.paidCents), gross: money(deal.grossCents) })}
            </Text>
            {!deal.paidAt && deal.grossCents > deal.paidCents && (
              <Text size="sm" c="dimmed">
                {t('deals.payments.open', { amount: money(deal.grossCents - deal.paidCents) })}
              </Text>
            )}
          </Group>
          <Progress value={share} color={deal.paidAt ? 'teal' : 'blue'} aria-label={t('deals.payments.progress')} />
        </Stack>
        {payments.isError && <ErrorAlert error={payments.error} onRetry={() => void payments.refetch()} />}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={420}>
            <Table verticalSpacing={4} aria-label={t('deals.payments.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('deals.payments.date')}</Table.Th>
                  <Table.Th>{t('deals.payments.method')}</Table.Th>
                  <Table.Th>{t('deals.payments.bookedBy')}</Table.Th>
                  <Table.Th ta="right">{t('deals.payments.amount')}</Table.Th>
                  {mayRemove && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((payment) => (
                  <Table.Tr key={payment.id}>
                    <Table.Td>{formatDate(payment.paidAt.slice(0, 10))}</Table.Td>
                    <Table.Td>{payment.method ?? '—'}</Table.Td>
                    <Table.Td>{(payment.userId && names.get(payment.userId)) || '—'}</Table.Td>
                    <Table.Td ta="right" fw={500} c={payment.amountCents < 0 ? 'red' : undefined}>
                      {money(payment.amountCents)}
                    </Table.Td>
                    {mayRemove && (
                      <Table.Td ta="right">
                        <Tooltip label={t('deals.payments.remove')} withArrow>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('deals.payments.remove')}
                            loading={remove.isPending && remove.variables === payment.id}
                            onClick={() =>
                              remove.mutate(payment.id, {
                                onError: (error) => notifications.show({ color: 'red', message: errorSummary(t, error) }),
                              })
                            }
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <PaymentForm deal={deal} />
      </Stack>
    </Panel>
  );
}

import { Anchor, Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRelatedDeals } from '../../api/related.ts';
import type { CustomerEntity } from '../../api/types.ts';
import { errorSummary } from '../../components/errors.ts';
import { formatDate, formatMoney } from '../../i18n/format.ts';
import { Panel } from './Panel.tsx';

const STATUS_COLOR = { open: 'blue', won: 'teal', lost: 'gray' } as const;

/** The record's deals, newest first, each linking to its deal. */
export function RelatedDeals({ entity, id }: { entity: CustomerEntity; id: string }) {
  const { t } = useTranslation();
  const deals = useRelatedDeals(entity, id);
  const rows = deals.data?.data ?? [];
  return (
    <Panel title={t('customers.deals')}>
      {deals.isPending ? (
        <Skeleton height={40} />
      ) : deals.isError ? (
        <Text size="sm" c="red">
          {errorSummary(t, deals.error)}
        </Text>
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customers.noDeals')}
        </Text>
      ) : (
        <Stack gap="xs">
          {rows.map((deal) => (
            <Group key={deal.id} justify="space-between" wrap="nowrap" gap="sm" data-deal={deal.title}>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/deals/${deal.id}`} size="sm" fw={600} truncate>
                  {deal.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {deal.expectedCloseDate
                    ? t('customers.expectedClose', { date: formatDate(deal.expectedCloseDate) })
                    : formatDate(deal.createdAt)}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(deal.amountCents, deal.currency)}
                </Text>
                <Badge size="sm" variant="light" color={STATUS_COLOR[deal.status]}>
                  {t(`customers.dealStatus.${deal.status}`)}
                </Badge>
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

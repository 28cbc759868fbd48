import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Deal } from '../../../api/types.ts';
import { formatDate, formatDateTime, formatMoney } from '../../../i18n/format.ts';
import { Panel } from '../../customers/Panel.tsx';
import { TagBadges } from '../../customers/TagBadges.tsx';
import { useUserNames } from '../../customers/useUserNames.ts';
import { useDealFieldLabel } from '../fieldLabels.ts';
import { todayIso } from '../format.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <div>{children || <Text c="dimmed">—</Text>}</div>
    </Stack>
  );
}

/** The key facts of a deal: who, when, how much. */
export function DealFacts({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const label = useDealFieldLabel();
  const names = useUserNames();
  const overdue = deal.status === 'open' && deal.expectedCloseDate !== null && deal.expectedCloseDate < todayIso();

  return (
    <Panel title={t('deals.detail.facts')}>
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="md" verticalSpacing="md">
        <Fact label={t('deals.fields.amount')}>
          <Text fw={600} data-testid="deal-amount">
            {formatMoney(deal.amountCents, deal.currency)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('deals.detail.grossIs', { gross: formatMoney(deal.grossCents, deal.currency) })}
          </Text>
        </Fact>
        <Fact label={label('contactId')}>
          {deal.contactId && (
            <Anchor component={Link} to={`/contacts/${encodeURIComponent(deal.contactId)}`} size="sm">
              {deal.contactName ?? t('deals.detail.unnamed')}
            </Anchor>
          )}
        </Fact>
        <Fact label={label('companyId')}>
          {deal.companyId && (
            <Anchor component={Link} to={`/companies/${encodeURIComponent(deal.companyId)}`} size="sm">
              {deal.companyName ?? t('deals.detail.unnamed')}
            </Anchor>
          )}
        </Fact>
        <Fact label={label('ownerId')}>{deal.ownerId && <Text size="sm">{names.get(deal.ownerId) ?? '…'}</Text>}</Fact>
        <Fact label={label('expectedCloseDate')}>
          {deal.expectedCloseDate && (
            <Group gap={6}>
              <Text size="sm">{formatDate(deal.expectedCloseDate)}</Text>
              {overdue && (
                <Badge size="xs" color="red" variant="light" tt="none">
                  {t('board.overdue')}
                </Badge>
              )}
            </Group>
          )}
        </Fact>
        <Fact label={label('source')}>{deal.source && <Text size="sm">{deal.source}</Text>}</Fact>
        {deal.status === 'lost' && (
          <Fact label={label('lostReason')}>
            <Text size="sm" c="red" fw={500}>
              {deal.lostReason}
            </Text>
          </Fact>
        )}
        {deal.closedAt && (
          <Fact label={t('deals.fields.closedAt')}>
            <Text size="sm">{formatDateTime(deal.closedAt)}</Text>
          </Fact>
        )}
        <Fact label={label('tags')}>{deal.tags.length > 0 && <TagBadges tags={deal.tags} />}</Fact>
        <Fact label={t('deals.fields.createdAt')}>
          <Text size="sm">{formatDateTime(deal.createdAt)}</Text>
        </Fact>
      </SimpleGrid>
    </Panel>
  );
}

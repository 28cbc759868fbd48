import { Alert, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCustomerStats } from '../../api/customers.ts';
import type { CustomerEntity } from '../../api/types.ts';
import { errorSummary } from '../../components/errors.ts';
import { formatDate, formatMoney, formatNumber } from '../../i18n/format.ts';
import { Panel } from './Panel.tsx';

function Figure({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId: string }) {
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600} lh={1.25}>
        {label}
      </Text>
      <Text fw={700} size="lg" lh={1.3}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Stack>
  );
}

/** The computed figures: deals, won revenue, average deal, last contact and how often deals and visits happen. */
export function StatsPanel({ entity, id }: { entity: CustomerEntity; id: string }) {
  const { t } = useTranslation();
  const stats = useCustomerStats(entity, id);
  const s = stats.data;
  const perMonth = (value: number) =>
    t('customers.stats.perMonthValue', { value: formatNumber(value, { maximumFractionDigits: 2 }) });
  return (
    <Panel title={t('customers.stats.title')}>
      {stats.isPending ? (
        <SimpleGrid cols={2}>
          {Array.from({ length: 6 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
            <Skeleton key={i} height={38} />
          ))}
        </SimpleGrid>
      ) : stats.isError || !s ? (
        <Alert color="red" variant="light">
          {errorSummary(t, stats.error)}
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 2, xs: 3, md: 2, xl: 3 }} spacing="md" verticalSpacing="md">
          <Figure
            testId="stat-deals"
            label={t('customers.stats.deals')}
            value={formatNumber(s.deals)}
            hint={t('customers.stats.dealsHint', { open: formatNumber(s.openDeals), won: formatNumber(s.wonDeals) })}
          />
          <Figure testId="stat-won" label={t('customers.stats.wonRevenue')} value={formatMoney(s.wonRevenueCents)} />
          <Figure
            testId="stat-average"
            label={t('customers.stats.averageDeal')}
            value={s.wonDeals > 0 ? formatMoney(s.averageDealCents) : '—'}
          />
          <Figure
            testId="stat-last-contact"
            label={t('customers.stats.lastContact')}
            value={s.lastContactAt ? formatDate(s.lastContactAt) : '—'}
          />
          <Figure
            testId="stat-days"
            label={t('customers.stats.daysSince')}
            value={s.daysSinceLastContact === null ? '—' : t('customers.stats.days', { count: s.daysSinceLastContact })}
          />
          <Figure testId="stat-deals-month" label={t('customers.stats.dealsPerMonth')} value={perMonth(s.dealsPerMonth)} />
          <Figure testId="stat-visits-month" label={t('customers.stats.visitsPerMonth')} value={perMonth(s.visitsPerMonth)} />
        </SimpleGrid>
      )}
    </Panel>
  );
}

import { Divider, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deal, LineItem } from '../../../api/types.ts';
import { formatMoney, formatNumber } from '../../../i18n/format.ts';
import { taxBreakdown } from './totals.ts';

function Row({ label, value, strong, testId }: { label: string; value: string; strong?: boolean; testId?: string }) {
  return (
    <Group justify="space-between" gap="xl" wrap="nowrap">
      <Text size="sm" fw={strong ? 700 : undefined} c={strong ? undefined : 'dimmed'}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 700 : 500} data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Group>
  );
}

/** Net, tax per rate and gross. Net, total tax and gross are the server's; the split by rate follows its rule. */
export function LineItemTotals({ deal, items }: { deal: Deal; items: LineItem[] }) {
  const { t } = useTranslation();
  const money = (cents: number) => formatMoney(cents, deal.currency);
  const taxes =
    items.length > 0 ? taxBreakdown(items) : [{ rate: deal.taxRate, netCents: deal.amountCents, taxCents: deal.taxCents }];

  return (
    <Stack gap={4} ml="auto" mt="sm" maw={360} data-testid="deal-totals">
      <Row label={t('deals.lines.totalNet')} value={money(deal.amountCents)} testId="total-net" />
      {taxes.map((tax) => (
        <Row
          key={tax.rate}
          label={t('deals.lines.taxAt', { rate: formatNumber(tax.rate), net: money(tax.netCents) })}
          value={money(tax.taxCents)}
          testId={`total-tax-${tax.rate}`}
        />
      ))}
      {taxes.length > 1 && <Row label={t('deals.lines.totalTax')} value={money(deal.taxCents)} testId="total-tax" />}
      <Divider my={2} />
      <Row label={t('deals.lines.totalGross')} value={money(deal.grossCents)} strong testId="total-gross" />
    </Stack>
  );
}

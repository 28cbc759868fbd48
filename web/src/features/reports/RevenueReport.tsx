import { Button } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { useCurrentUser } from '../../api/auth.ts';
import { type ReportQuery, type RevenueReport, useReport } from '../../api/reports.ts';
import { formatMoney, formatNumber } from '../../i18n/format.ts';
import { axisTick, ChartBox, legendProps, useChartColors } from './ChartBox.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { formatMoneyShort, formatMonth, formatShare } from './format.ts';
import { type GroupBy, GroupBySwitch } from './GroupBySwitch.tsx';
import { ReportCard } from './ReportCard.tsx';
import { ReportTable } from './ReportTable.tsx';
import { TargetsModal } from './TargetsModal.tsx';

const label = (row: RevenueReport['rows'][number], noOwner: string) =>
  row.month ? formatMonth(row.month) : (row.userName ?? noOwner);

/** Won revenue as bars, the target as a line (where one is set). */
export function RevenueChart({ report, height = 260 }: { report: RevenueReport; height?: number }) {
  const { t } = useTranslation();
  const colors = useChartColors();
  const data = report.rows.map((r) => ({ ...r, label: label(r, t('reports.noOwner')) }));
  const hasTarget = data.some((d) => d.targetCents !== null);
  return (
    <ChartBox label={t('reports.names.revenue')} height={height} empty={!hasTarget && data.every((d) => d.wonAmountCents === 0)}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
        <CartesianGrid vertical={false} stroke={colors.grid} />
        <XAxis dataKey="label" tick={axisTick} interval="preserveStartEnd" />
        <YAxis tickFormatter={(v) => formatMoneyShort(Number(v))} tick={axisTick} width={64} />
        <Tooltip formatter={(value) => formatMoney(Number(value))} />
        <Legend {...legendProps} />
        <Bar
          maxBarSize={48}
          dataKey="wonAmountCents"
          name={t('reports.revenue.won')}
          fill={colors.won}
          radius={[4, 4, 0, 0]}
          isAnimationActive={false}
        />
        {hasTarget && (
          <Line
            dataKey="targetCents"
            name={t('reports.revenue.target')}
            stroke={colors.target}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        )}
      </ComposedChart>
    </ChartBox>
  );
}

export function RevenueSection({ query }: { query: ReportQuery }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [groupBy, setGroupBy] = useState<GroupBy>('month');
  const [editing, setEditing] = useState(false);
  const q = { ...query, groupBy };
  const report = useReport('revenue', q);
  const data = report.data;
  return (
    <ReportCard
      title={t('reports.names.revenue')}
      description={t('reports.revenue.description')}
      actions={<ExportLinks name="revenue" query={q} />}
      loading={report.isPending}
      error={report.error}
      onRetry={() => void report.refetch()}
      testId="report-revenue"
    >
      <GroupBySwitch value={groupBy} onChange={setGroupBy} order={['month', 'user']} />
      {data && (
        <>
          <RevenueChart report={data} />
          <ReportTable
            label={t('reports.names.revenue')}
            rows={data.rows}
            rowKey={(r) => r.key}
            footer={{ ...data.total, key: 'total', label: t('reports.total'), userId: null, userName: null, month: null }}
            columns={[
              {
                key: 'label',
                label: groupBy === 'month' ? t('reports.columns.month') : t('reports.columns.employee'),
                render: (r) =>
                  r.key === 'total'
                    ? t('reports.total')
                    : r.month
                      ? formatMonth(r.month, 'long')
                      : (r.userName ?? t('reports.noOwner')),
              },
              { key: 'count', label: t('reports.revenue.deals'), numeric: true, render: (r) => formatNumber(r.wonCount) },
              { key: 'won', label: t('reports.revenue.won'), numeric: true, render: (r) => formatMoney(r.wonAmountCents) },
              {
                key: 'target',
                label: t('reports.revenue.target'),
                numeric: true,
                render: (r) => (r.targetCents === null ? '–' : formatMoney(r.targetCents)),
              },
              {
                key: 'attainment',
                label: t('reports.revenue.attainment'),
                numeric: true,
                render: (r) => formatShare(r.attainment),
              },
            ]}
          />
        </>
      )}
      {(me.role === 'admin' || me.role === 'head') && (
        <>
          <Button mt="sm" size="xs" variant="light" leftSection={<IconTarget size={14} />} onClick={() => setEditing(true)}>
            {t('reports.targets.edit')}
          </Button>
          <TargetsModal opened={editing} onClose={() => setEditing(false)} />
        </>
      )}
    </ReportCard>
  );
}

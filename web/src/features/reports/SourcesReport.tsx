import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { type ReportQuery, useReport } from '../../api/reports.ts';
import { formatMoney, formatNumber } from '../../i18n/format.ts';
import { axisTick, ChartBox, legendProps, useChartColors } from './ChartBox.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { formatShare } from './format.ts';
import { ReportCard } from './ReportCard.tsx';
import { ReportTable } from './ReportTable.tsx';

/** Lead sources: leads and won deals per source, with the conversion in the table. */
export function SourcesSection({ query }: { query: ReportQuery }) {
  const { t } = useTranslation();
  const colors = useChartColors();
  const report = useReport('sources', query);
  const data = report.data;
  const name = (source: string | null) => source ?? t('reports.sources.unknown');
  return (
    <ReportCard
      title={t('reports.names.sources')}
      description={t('reports.sources.description')}
      actions={<ExportLinks name="sources" query={query} />}
      loading={report.isPending}
      error={report.error}
      testId="report-sources"
    >
      {data && (
        <>
          <ChartBox label={t('reports.names.sources')} empty={data.rows.length === 0}>
            <BarChart
              data={data.rows.map((r) => ({ ...r, label: name(r.source) }))}
              margin={{ top: 8, right: 8, bottom: 4, left: 4 }}
            >
              <CartesianGrid vertical={false} stroke={colors.grid} />
              <XAxis dataKey="label" tick={axisTick} interval={0} />
              <YAxis allowDecimals={false} tick={axisTick} width={40} />
              <Tooltip />
              <Legend {...legendProps} />
              <Bar
                maxBarSize={48}
                dataKey="leads"
                name={t('reports.sources.leads')}
                fill={colors.light}
                isAnimationActive={false}
              />
              <Bar maxBarSize={48} dataKey="won" name={t('reports.sources.won')} fill={colors.won} isAnimationActive={false} />
            </BarChart>
          </ChartBox>
          <ReportTable
            label={t('reports.names.sources')}
            rows={data.rows}
            rowKey={(r) => r.source ?? '—'}
            footer={{ source: 'total', ...data.total }}
            columns={[
              {
                key: 'source',
                label: t('reports.columns.source'),
                render: (r) => (r.source === 'total' ? t('reports.total') : name(r.source)),
              },
              { key: 'leads', label: t('reports.sources.leads'), numeric: true, render: (r) => formatNumber(r.leads) },
              { key: 'open', label: t('reports.sources.open'), numeric: true, render: (r) => formatNumber(r.open) },
              { key: 'won', label: t('reports.sources.won'), numeric: true, render: (r) => formatNumber(r.won) },
              { key: 'lost', label: t('reports.sources.lost'), numeric: true, render: (r) => formatNumber(r.lost) },
              { key: 'amount', label: t('reports.revenue.won'), numeric: true, render: (r) => formatMoney(r.wonAmountCents) },
              {
                key: 'rate',
                label: t('reports.sources.conversion'),
                numeric: true,
                render: (r) => formatShare(r.conversionRate),
              },
            ]}
            minWidth={640}
          />
        </>
      )}
    </ReportCard>
  );
}

import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { type ReportQuery, useReport } from '../../api/reports.ts';
import { formatMoney, formatNumber } from '../../i18n/format.ts';
import { axisTick, ChartBox, useChartColors } from './ChartBox.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { formatShare } from './format.ts';
import { ReportCard } from './ReportCard.tsx';
import { ReportTable } from './ReportTable.tsx';

export function LostReasonsSection({ query }: { query: ReportQuery }) {
  const { t } = useTranslation();
  const colors = useChartColors();
  const report = useReport('lost-reasons', query);
  const data = report.data;
  const name = (reason: string | null) => reason ?? t('reports.lostReasons.none');
  return (
    <ReportCard
      title={t('reports.names.lost-reasons')}
      description={t('reports.lostReasons.description')}
      actions={<ExportLinks name="lost-reasons" query={query} />}
      loading={report.isPending}
      error={report.error}
      testId="report-lost-reasons"
    >
      {data && (
        <>
          <ChartBox
            label={t('reports.names.lost-reasons')}
            height={40 + Math.max(1, data.rows.length) * 36}
            empty={data.rows.length === 0}
          >
            <BarChart
              data={data.rows.map((r) => ({ ...r, label: name(r.reason) }))}
              layout="vertical"
              margin={{ top: 4, right: 36, bottom: 4, left: 4 }}
            >
              <CartesianGrid horizontal={false} stroke={colors.grid} />
              <XAxis type="number" allowDecimals={false} tick={axisTick} />
              <YAxis type="category" dataKey="label" width={140} tick={axisTick} interval={0} />
              <Tooltip />
              <Bar
                maxBarSize={48}
                dataKey="count"
                name={t('reports.columns.deals')}
                fill={colors.lost}
                isAnimationActive={false}
                radius={[0, 4, 4, 0]}
              >
                <LabelList dataKey="count" position="right" style={{ fontSize: 12 }} />
              </Bar>
            </BarChart>
          </ChartBox>
          <ReportTable
            label={t('reports.names.lost-reasons')}
            rows={data.rows}
            rowKey={(r) => r.reason ?? '—'}
            columns={[
              { key: 'reason', label: t('reports.columns.reason'), render: (r) => name(r.reason) },
              { key: 'count', label: t('reports.columns.deals'), numeric: true, render: (r) => formatNumber(r.count) },
              { key: 'amount', label: t('reports.forecast.amount'), numeric: true, render: (r) => formatMoney(r.amountCents) },
              { key: 'share', label: t('reports.lostReasons.share'), numeric: true, render: (r) => formatShare(r.share) },
            ]}
          />
        </>
      )}
    </ReportCard>
  );
}

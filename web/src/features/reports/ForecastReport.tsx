import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { type ForecastReport, type PipelineReport, type ReportQuery, useReport } from '../../api/reports.ts';
import { formatMoney, formatNumber } from '../../i18n/format.ts';
import { stageLabel } from '../pipelines/stages.ts';
import { axisTick, ChartBox, legendProps, useChartColors } from './ChartBox.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { formatMoneyShort, formatMonth } from './format.ts';
import { ReportCard } from './ReportCard.tsx';
import { ReportTable } from './ReportTable.tsx';

/** Open amount and probability-weighted amount side by side, per close month or per stage. */
function AmountBars({ data, label }: { data: { label: string; amountCents: number; weightedCents: number }[]; label: string }) {
  const { t } = useTranslation();
  const colors = useChartColors();
  return (
    <ChartBox label={label} empty={data.length === 0}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
        <CartesianGrid vertical={false} stroke={colors.grid} />
        <XAxis dataKey="label" tick={axisTick} interval="preserveStartEnd" />
        <YAxis tickFormatter={(v) => formatMoneyShort(Number(v))} tick={axisTick} width={64} />
        <Tooltip formatter={(value) => formatMoney(Number(value))} />
        <Legend {...legendProps} />
        <Bar
          maxBarSize={48}
          dataKey="amountCents"
          name={t('reports.forecast.amount')}
          fill={colors.light}
          radius={[4, 4, 0, 0]}
          isAnimationActive={false}
        />
        <Bar
          maxBarSize={48}
          dataKey="weightedCents"
          name={t('reports.forecast.weighted')}
          fill={colors.primary}
          radius={[4, 4, 0, 0]}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartBox>
  );
}

/** The open pipeline per stage as horizontal bars: stage names stay readable on a phone. */
export function PipelineChart({ report }: { report: PipelineReport }) {
  const { t } = useTranslation();
  const colors = useChartColors();
  const data = report.rows.map((r) => ({ ...r, label: stageLabel(t, r) }));
  return (
    <ChartBox label={t('reports.names.pipeline')} height={60 + data.length * 44} empty={report.total.count === 0}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} stroke={colors.grid} />
        <XAxis type="number" tickFormatter={(v) => formatMoneyShort(Number(v))} tick={axisTick} />
        <YAxis type="category" dataKey="label" width={104} tick={axisTick} interval={0} />
        <Tooltip formatter={(value) => formatMoney(Number(value))} />
        <Legend {...legendProps} />
        <Bar
          maxBarSize={48}
          dataKey="amountCents"
          name={t('reports.forecast.amount')}
          fill={colors.light}
          isAnimationActive={false}
        />
        <Bar
          maxBarSize={48}
          dataKey="weightedCents"
          name={t('reports.forecast.weighted')}
          fill={colors.primary}
          isAnimationActive={false}
        />
      </BarChart>
    </ChartBox>
  );
}

export function ForecastChart({ report }: { report: ForecastReport }) {
  const { t } = useTranslation();
  const data = report.rows.map((r) => ({ ...r, label: r.month ? formatMonth(r.month) : t('reports.forecast.noDate') }));
  return <AmountBars label={t('reports.names.forecast')} data={data} />;
}

const amountColumns = (t: TFunction) => [
  { key: 'count', label: t('reports.columns.deals'), numeric: true, render: (r: { count: number }) => formatNumber(r.count) },
  {
    key: 'amount',
    label: t('reports.forecast.amount'),
    numeric: true,
    render: (r: { amountCents: number }) => formatMoney(r.amountCents),
  },
  {
    key: 'weighted',
    label: t('reports.forecast.weighted'),
    numeric: true,
    render: (r: { weightedCents: number }) => formatMoney(r.weightedCents),
  },
];

/** Forecast by expected close month (the period's months; without filters every open deal). */
export function ForecastSection({ query }: { query: ReportQuery }) {
  const { t } = useTranslation();
  const { from: _from, to: _to, ...rest } = query;
  const report = useReport('forecast', rest);
  const pipeline = useReport('pipeline', rest);
  const data = report.data;
  return (
    <>
      <ReportCard
        title={t('reports.names.forecast')}
        description={t('reports.forecast.description')}
        actions={<ExportLinks name="forecast" query={rest} />}
        loading={report.isPending}
        error={report.error}
        testId="report-forecast"
      >
        {data && (
          <>
            <ForecastChart report={data} />
            <ReportTable
              label={t('reports.names.forecast')}
              rows={data.rows}
              rowKey={(r) => r.month ?? 'none'}
              footer={{ month: 'total', ...data.total }}
              columns={[
                {
                  key: 'month',
                  label: t('reports.columns.closeMonth'),
                  render: (r) =>
                    r.month === 'total'
                      ? t('reports.total')
                      : r.month
                        ? formatMonth(r.month, 'long')
                        : t('reports.forecast.noDate'),
                },
                ...amountColumns(t),
              ]}
            />
          </>
        )}
      </ReportCard>
      <ReportCard
        title={t('reports.names.pipeline')}
        description={t('reports.pipeline.description')}
        actions={<ExportLinks name="pipeline" query={rest} />}
        loading={pipeline.isPending}
        error={pipeline.error}
        testId="report-pipeline"
      >
        {pipeline.data && (
          <>
            <PipelineChart report={pipeline.data} />
            <ReportTable
              label={t('reports.names.pipeline')}
              rows={pipeline.data.rows}
              rowKey={(r) => r.stageId}
              columns={[
                { key: 'stage', label: t('reports.columns.stage'), render: (r) => stageLabel(t, r) },
                ...amountColumns(t),
              ]}
            />
          </>
        )}
      </ReportCard>
    </>
  );
}

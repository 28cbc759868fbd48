import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { type ActivityReport, type ReportQuery, useReport } from '../../api/reports.ts';
import { formatNumber } from '../../i18n/format.ts';
import { axisTick, ChartBox, legendProps, useChartColors } from './ChartBox.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { formatMonth } from './format.ts';
import { type GroupBy, GroupBySwitch } from './GroupBySwitch.tsx';
import { ReportCard } from './ReportCard.tsx';
import { ReportTable } from './ReportTable.tsx';

const TYPES = ['call', 'email', 'meeting', 'note'] as const;

const rowLabel = (r: ActivityReport['rows'][number], unknown: string) =>
  r.month ? formatMonth(r.month) : (r.userName?.split(' ')[0] ?? unknown);

/** Activities per employee (or month), stacked by type. */
export function ActivityChart({ report, height = 260 }: { report: ActivityReport; height?: number }) {
  const { t } = useTranslation();
  const colors = useChartColors();
  const data = report.rows.map((r) => ({ ...r, label: rowLabel(r, t('reports.activity.unknown')) }));
  return (
    <ChartBox label={t('reports.names.activity')} height={height} empty={report.total.total === 0}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
        <CartesianGrid vertical={false} stroke={colors.grid} />
        <XAxis dataKey="label" tick={axisTick} interval={report.groupBy === 'user' ? 0 : 'preserveStartEnd'} />
        <YAxis allowDecimals={false} tick={axisTick} width={40} />
        <Tooltip />
        <Legend {...legendProps} />
        {TYPES.map((type, i) => (
          <Bar
            maxBarSize={48}
            key={type}
            dataKey={type}
            stackId="a"
            name={t(`reports.activity.types.${type}`)}
            fill={colors.series[i]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartBox>
  );
}

export function ActivitySection({ query }: { query: ReportQuery }) {
  const { t } = useTranslation();
  const [groupBy, setGroupBy] = useState<GroupBy>('user');
  const { pipelineId: _pipeline, ...rest } = query;
  const q = { ...rest, groupBy };
  const report = useReport('activity', q);
  const data = report.data;
  return (
    <ReportCard
      title={t('reports.names.activity')}
      description={t('reports.activity.description')}
      actions={<ExportLinks name="activity" query={q} />}
      loading={report.isPending}
      error={report.error}
      testId="report-activity"
    >
      <GroupBySwitch value={groupBy} onChange={setGroupBy} order={['user', 'month']} />
      {data && (
        <>
          <ActivityChart report={data} />
          <ReportTable
            label={t('reports.names.activity')}
            rows={data.rows}
            rowKey={(r) => r.key}
            footer={{ key: 'total', label: '', userId: null, userName: null, month: null, ...data.total }}
            columns={[
              {
                key: 'label',
                label: groupBy === 'month' ? t('reports.columns.month') : t('reports.columns.employee'),
                render: (r) =>
                  r.key === 'total'
                    ? t('reports.total')
                    : r.month
                      ? formatMonth(r.month, 'long')
                      : (r.userName ?? t('reports.activity.unknown')),
              },
              ...TYPES.map((type) => ({
                key: type,
                label: t(`reports.activity.types.${type}`),
                numeric: true,
                render: (r: ActivityReport['total']) => formatNumber(r[type]),
              })),
              { key: 'total', label: t('reports.total'), numeric: true, render: (r) => formatNumber(r.total) },
            ]}
            minWidth={560}
          />
        </>
      )}
    </ReportCard>
  );
}

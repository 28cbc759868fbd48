import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { type ReportQuery, useReport } from '../../api/reports.ts';
import { formatNumber } from '../../i18n/format.ts';
import { stageLabel } from '../pipelines/stages.ts';
import { axisTick, ChartBox, legendProps, useChartColors } from './ChartBox.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { formatDays } from './format.ts';
import { ReportCard } from './ReportCard.tsx';
import { ReportTable } from './ReportTable.tsx';

/** Average and median days per open stage, and how long the deals there now have waited. */
export function TimeInStageSection({ query }: { query: ReportQuery }) {
  const { t } = useTranslation();
  const colors = useChartColors();
  const report = useReport('time-in-stage', query);
  const data = report.data;
  return (
    <ReportCard
      title={t('reports.names.time-in-stage')}
      description={t('reports.timeInStage.description')}
      actions={<ExportLinks name="time-in-stage" query={query} />}
      loading={report.isPending}
      error={report.error}
      testId="report-time-in-stage"
    >
      {data && (
        <>
          <ChartBox label={t('reports.names.time-in-stage')} empty={data.rows.every((r) => r.exits === 0)}>
            <BarChart
              data={data.rows.map((r) => ({ ...r, label: stageLabel(t, r) }))}
              margin={{ top: 8, right: 8, bottom: 4, left: 4 }}
            >
              <CartesianGrid vertical={false} stroke={colors.grid} />
              <XAxis dataKey="label" tick={axisTick} interval={0} />
              <YAxis tick={axisTick} width={40} />
              <Tooltip formatter={(value) => formatDays(t, Number(value))} />
              <Legend {...legendProps} />
              <Bar
                maxBarSize={48}
                dataKey="averageDays"
                name={t('reports.timeInStage.average')}
                fill={colors.primary}
                isAnimationActive={false}
              />
              <Bar
                maxBarSize={48}
                dataKey="medianDays"
                name={t('reports.timeInStage.median')}
                fill={colors.light}
                isAnimationActive={false}
              />
            </BarChart>
          </ChartBox>
          <ReportTable
            label={t('reports.names.time-in-stage')}
            rows={data.rows}
            rowKey={(r) => r.stageId}
            columns={[
              { key: 'stage', label: t('reports.columns.stage'), render: (r) => stageLabel(t, r) },
              { key: 'exits', label: t('reports.timeInStage.exits'), numeric: true, render: (r) => formatNumber(r.exits) },
              { key: 'avg', label: t('reports.timeInStage.average'), numeric: true, render: (r) => formatDays(t, r.averageDays) },
              {
                key: 'median',
                label: t('reports.timeInStage.median'),
                numeric: true,
                render: (r) => formatDays(t, r.medianDays),
              },
              { key: 'now', label: t('reports.timeInStage.current'), numeric: true, render: (r) => formatNumber(r.current) },
              {
                key: 'nowDays',
                label: t('reports.timeInStage.currentAverage'),
                numeric: true,
                render: (r) => formatDays(t, r.currentAverageDays),
              },
            ]}
            minWidth={640}
          />
        </>
      )}
    </ReportCard>
  );
}

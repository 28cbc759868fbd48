import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { type ReportQuery, type TasksReport, useReport } from '../../api/reports.ts';
import { formatNumber } from '../../i18n/format.ts';
import { axisTick, ChartBox, legendProps, useChartColors } from './ChartBox.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { ReportCard } from './ReportCard.tsx';
import { ReportTable } from './ReportTable.tsx';

const firstName = (name: string | null) => (name ?? '—').split(' ')[0] ?? '—';

/** Per employee: overdue and other open tasks stacked, done in the period beside them. */
export function TasksChart({
  report,
  height = 260,
  doneToo = true,
}: {
  report: TasksReport;
  height?: number;
  doneToo?: boolean;
}) {
  const { t } = useTranslation();
  const colors = useChartColors();
  const data = report.rows.map((r) => ({ ...r, label: firstName(r.userName), onTime: r.open - r.overdue }));
  return (
    <ChartBox
      label={t('reports.names.tasks')}
      height={height}
      empty={report.total.open === 0 && (!doneToo || report.total.done === 0)}
    >
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
        <CartesianGrid vertical={false} stroke={colors.grid} />
        <XAxis dataKey="label" tick={axisTick} interval={0} />
        <YAxis allowDecimals={false} tick={axisTick} width={36} />
        <Tooltip />
        <Legend {...legendProps} />
        <Bar
          maxBarSize={48}
          dataKey="overdue"
          stackId="open"
          name={t('reports.tasks.overdue')}
          fill={colors.lost}
          isAnimationActive={false}
        />
        <Bar
          maxBarSize={48}
          dataKey="onTime"
          stackId="open"
          name={t('reports.tasks.openOnTime')}
          fill={colors.primary}
          isAnimationActive={false}
        />
        {doneToo && (
          <Bar maxBarSize={48} dataKey="done" name={t('reports.tasks.done')} fill={colors.won} isAnimationActive={false} />
        )}
      </BarChart>
    </ChartBox>
  );
}

export function TasksSection({ query }: { query: ReportQuery }) {
  const { t } = useTranslation();
  const { pipelineId: _pipeline, ...rest } = query;
  const report = useReport('tasks', rest);
  const data = report.data;
  return (
    <ReportCard
      title={t('reports.names.tasks')}
      description={t('reports.tasks.description')}
      actions={<ExportLinks name="tasks" query={rest} />}
      loading={report.isPending}
      error={report.error}
      testId="report-tasks"
    >
      {data && (
        <>
          <TasksChart report={data} />
          <ReportTable
            label={t('reports.names.tasks')}
            rows={data.rows}
            rowKey={(r) => r.userId ?? 'none'}
            footer={{ userId: 'total', userName: t('reports.total'), ...data.total }}
            columns={[
              { key: 'user', label: t('reports.columns.employee'), render: (r) => r.userName ?? t('reports.tasks.unassigned') },
              { key: 'open', label: t('reports.tasks.open'), numeric: true, render: (r) => formatNumber(r.open) },
              { key: 'overdue', label: t('reports.tasks.overdue'), numeric: true, render: (r) => formatNumber(r.overdue) },
              { key: 'today', label: t('reports.tasks.dueToday'), numeric: true, render: (r) => formatNumber(r.dueToday) },
              { key: 'done', label: t('reports.tasks.done'), numeric: true, render: (r) => formatNumber(r.done) },
              { key: 'late', label: t('reports.tasks.doneLate'), numeric: true, render: (r) => formatNumber(r.doneLate) },
              { key: 'canceled', label: t('reports.tasks.canceled'), numeric: true, render: (r) => formatNumber(r.canceled) },
            ]}
            minWidth={640}
          />
        </>
      )}
    </ReportCard>
  );
}

import { Anchor, Group, SimpleGrid, Stack } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReport } from '../../api/reports.ts';
import { formatMoney, formatNumber } from '../../i18n/format.ts';
import { ActivityChart } from '../reports/ActivityReport.tsx';
import { PipelineChart } from '../reports/ForecastReport.tsx';
import { FunnelChart, FunnelSummary } from '../reports/FunnelReport.tsx';
import { formatMinutes, formatShare } from '../reports/format.ts';
import { presetRange } from '../reports/period.ts';
import { ReportCard } from '../reports/ReportCard.tsx';
import { ResponseChart, ResponseFigures } from '../reports/ResponseTimeReport.tsx';
import { RevenueChart } from '../reports/RevenueReport.tsx';
import { TasksChart } from '../reports/TasksReport.tsx';
import { KpiCard } from './KpiCard.tsx';

/** The team's (a head's) or the company's (an admin's) figures: key numbers and six charts, live. */
export function TeamDashboard() {
  const { t } = useTranslation();
  const month = presetRange('thisMonth');
  const year = presetRange('last12Months');
  const funnel = useReport('funnel', month);
  const revenue = useReport('revenue', { ...year, groupBy: 'month' });
  const monthRevenue = useReport('revenue', { ...month, groupBy: 'month' });
  const tasks = useReport('tasks', month);
  const response = useReport('response-time', month);
  const activity = useReport('activity', { ...month, groupBy: 'user' });
  const pipeline = useReport('pipeline', {});
  const won = monthRevenue.data?.total;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <KpiCard
          testId="kpi-won"
          label={t('dashboard.kpi.won')}
          value={won ? formatMoney(won.wonAmountCents) : '…'}
          hint={
            won
              ? won.targetCents === null
                ? t('dashboard.kpi.wonDeals', { deals: formatNumber(won.wonCount) })
                : t('dashboard.kpi.ofTarget', { share: formatShare(won.attainment) })
              : undefined
          }
        />
        <KpiCard
          testId="kpi-win-rate"
          label={t('dashboard.kpi.winRate')}
          value={funnel.data ? formatShare(funnel.data.winRate) : '…'}
          hint={funnel.data ? t('dashboard.kpi.wonLost', { won: funnel.data.won, lost: funnel.data.lost }) : undefined}
        />
        <KpiCard
          testId="kpi-response"
          label={t('dashboard.kpi.response')}
          value={response.data ? formatMinutes(t, response.data.medianMinutes) : '…'}
          hint={response.data ? t('dashboard.kpi.newLeads', { leads: formatNumber(response.data.leads) }) : undefined}
        />
        <KpiCard
          testId="kpi-overdue"
          label={t('dashboard.kpi.overdue')}
          value={tasks.data ? formatNumber(tasks.data.total.overdue) : '…'}
          hint={tasks.data ? t('dashboard.kpi.openTasks', { open: formatNumber(tasks.data.total.open) }) : undefined}
        />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ReportCard
          title={t('dashboard.charts.funnel')}
          loading={funnel.isPending}
          error={funnel.error}
          testId="dashboard-funnel"
        >
          {funnel.data && (
            <>
              <FunnelChart report={funnel.data} />
              <FunnelSummary report={funnel.data} />
            </>
          )}
        </ReportCard>
        <ReportCard
          title={t('dashboard.charts.revenue')}
          loading={revenue.isPending}
          error={revenue.error}
          testId="dashboard-revenue"
        >
          {revenue.data && <RevenueChart report={revenue.data} height={300} />}
        </ReportCard>
        <ReportCard title={t('dashboard.charts.tasks')} loading={tasks.isPending} error={tasks.error} testId="dashboard-tasks">
          {tasks.data && <TasksChart report={tasks.data} doneToo={false} />}
        </ReportCard>
        <ReportCard
          title={t('dashboard.charts.response')}
          loading={response.isPending}
          error={response.error}
          testId="dashboard-response"
        >
          {response.data && (
            <>
              <ResponseFigures report={response.data} />
              <ResponseChart report={response.data} />
            </>
          )}
        </ReportCard>
        <ReportCard
          title={t('dashboard.charts.activity')}
          loading={activity.isPending}
          error={activity.error}
          testId="dashboard-activity"
        >
          {activity.data && <ActivityChart report={activity.data} />}
        </ReportCard>
        <ReportCard
          title={t('dashboard.charts.pipeline')}
          description={
            pipeline.data
              ? t('dashboard.myPipeline.summary', {
                  count: pipeline.data.total.count,
                  amount: formatMoney(pipeline.data.total.amountCents),
                  weighted: formatMoney(pipeline.data.total.weightedCents),
                })
              : undefined
          }
          loading={pipeline.isPending}
          error={pipeline.error}
          testId="dashboard-pipeline"
        >
          {pipeline.data && <PipelineChart report={pipeline.data} />}
        </ReportCard>
      </SimpleGrid>
      <Group justify="flex-end">
        <Anchor component={Link} to="/reports" fw={500} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          {t('dashboard.allReports')}
          <IconArrowRight size={16} aria-hidden="true" />
        </Anchor>
      </Group>
    </Stack>
  );
}

import { Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth.ts';
import { useReport } from '../../api/reports.ts';
import { formatMoney, formatNumber } from '../../i18n/format.ts';
import { PipelineChart } from '../reports/ForecastReport.tsx';
import { formatMinutes, formatMonth, formatShare } from '../reports/format.ts';
import { presetRange } from '../reports/period.ts';
import { ReportCard } from '../reports/ReportCard.tsx';
import { MyTasksCard } from './MyTasksCard.tsx';

/** A manager's month: won revenue against the target, deals won, response time to their new leads. */
function MyMonthCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const month = presetRange('thisMonth');
  const revenue = useReport('revenue', { ...month, groupBy: 'user' });
  const response = useReport('response-time', month);
  const mine = revenue.data?.rows.find((r) => r.userId === me.id) ?? revenue.data?.total;
  const share = mine?.attainment ?? null;
  return (
    <ReportCard
      title={t('dashboard.myMonth.title', { month: formatMonth(month.from.slice(0, 7), 'long') })}
      loading={revenue.isPending}
      error={revenue.error}
      testId="dashboard-my-month"
    >
      {mine && (
        <Stack gap="sm">
          <div>
            <Text size="xs" c="dimmed">
              {t('dashboard.myMonth.won')}
            </Text>
            <Text fz={28} fw={700} lh={1.2} data-testid="my-month-won">
              {formatMoney(mine.wonAmountCents)}
            </Text>
            <Text size="sm" c="dimmed">
              {mine.targetCents === null
                ? t('dashboard.myMonth.noTarget')
                : t('dashboard.myMonth.ofTarget', { target: formatMoney(mine.targetCents), share: formatShare(share) })}
            </Text>
          </div>
          {mine.targetCents !== null && (
            <Progress
              value={Math.min(100, (share ?? 0) * 100)}
              color={(share ?? 0) >= 1 ? 'teal' : 'blue'}
              size="lg"
              radius="xl"
              aria-label={t('reports.revenue.attainment')}
            />
          )}
          <Group gap="xl">
            <div>
              <Text size="xs" c="dimmed">
                {t('dashboard.myMonth.deals')}
              </Text>
              <Text fw={600}>{formatNumber(mine.wonCount)}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t('dashboard.kpi.response')}
              </Text>
              <Text fw={600}>{formatMinutes(t, response.data?.medianMinutes)}</Text>
            </div>
          </Group>
        </Stack>
      )}
    </ReportCard>
  );
}

function MyPipelineCard() {
  const { t } = useTranslation();
  const pipeline = useReport('pipeline', {});
  const total = pipeline.data?.total;
  return (
    <ReportCard
      title={t('dashboard.myPipeline.title')}
      description={
        total
          ? t('dashboard.myPipeline.summary', {
              count: total.count,
              amount: formatMoney(total.amountCents),
              weighted: formatMoney(total.weightedCents),
            })
          : undefined
      }
      loading={pipeline.isPending}
      error={pipeline.error}
      testId="dashboard-my-pipeline"
    >
      {pipeline.data && <PipelineChart report={pipeline.data} />}
    </ReportCard>
  );
}

export function ManagerDashboard() {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <MyTasksCard />
      <MyMonthCard />
      <MyPipelineCard />
    </SimpleGrid>
  );
}

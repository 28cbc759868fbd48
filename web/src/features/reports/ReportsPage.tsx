import { Select, Stack, Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth.ts';
import { type ReportQuery, useLiveReports } from '../../api/reports.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ActivitySection } from './ActivityReport.tsx';
import { ForecastSection } from './ForecastReport.tsx';
import { FunnelSection } from './FunnelReport.tsx';
import { LostReasonsSection } from './LostReasonsReport.tsx';
import { ReportFilters } from './ReportFilters.tsx';
import { ResponseTimeSection } from './ResponseTimeReport.tsx';
import { RevenueSection } from './RevenueReport.tsx';
import { SourcesSection } from './SourcesReport.tsx';
import { TasksSection } from './TasksReport.tsx';
import { TimeInStageSection } from './TimeInStageReport.tsx';
import { useReportFilters } from './useReportFilters.ts';
import { WeeklySummarySettings } from './WeeklySummarySettings.tsx';

const TABS: [key: string, label: string, render: (query: ReportQuery) => ReactNode][] = [
  ['funnel', 'reports.names.funnel', (q) => <FunnelSection query={q} />],
  ['revenue', 'reports.names.revenue', (q) => <RevenueSection query={q} />],
  ['forecast', 'reports.names.forecast', (q) => <ForecastSection query={q} />],
  ['response-time', 'reports.names.response-time', (q) => <ResponseTimeSection query={q} />],
  ['tasks', 'reports.names.tasks', (q) => <TasksSection query={q} />],
  ['activity', 'reports.names.activity', (q) => <ActivitySection query={q} />],
  ['sources', 'reports.names.sources', (q) => <SourcesSection query={q} />],
  ['time-in-stage', 'reports.names.time-in-stage', (q) => <TimeInStageSection query={q} />],
  ['lost-reasons', 'reports.names.lost-reasons', (q) => <LostReasonsSection query={q} />],
];

/** Every report with shared filters, one tab each; managers see their own figures, heads their team's. */
export function ReportsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const filters = useReportFilters();
  useLiveReports();
  const tab = TABS.some(([key]) => key === filters.tab) ? (filters.tab as string) : 'funnel';

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        description={
          me.role === 'admin' ? t('reports.scope.admin') : me.role === 'head' ? t('reports.scope.head') : t('reports.scope.own')
        }
      />
      <ReportFilters state={filters.state} onChange={filters.update} />
      {/* on a phone nine tabs would take four lines: a select instead */}
      <Select
        hiddenFrom="xs"
        label={t('reports.choose')}
        data={TABS.map(([key, label]) => ({ value: key, label: t(label as 'reports.title') }))}
        value={tab}
        onChange={(v) => v && filters.setTab(v)}
        allowDeselect={false}
        mb="md"
      />
      <Tabs value={tab} onChange={(v) => v && filters.setTab(v)} keepMounted={false}>
        <Tabs.List aria-label={t('reports.title')} mb="md" visibleFrom="xs">
          {TABS.map(([key, label]) => (
            <Tabs.Tab key={key} value={key}>
              {t(label as 'reports.title')}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map(([key, , render]) => (
          <Tabs.Panel key={key} value={key}>
            <Stack gap="md">{render(filters.query)}</Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
      {me.role === 'admin' && (
        <Stack mt="xl">
          <WeeklySummarySettings />
        </Stack>
      )}
    </>
  );
}

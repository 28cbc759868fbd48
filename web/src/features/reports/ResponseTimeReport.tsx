import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ReportQuery, type ResponseTimeReport, useReport } from '../../api/reports.ts';
import { formatNumber } from '../../i18n/format.ts';
import { useChartColors } from './ChartBox.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { formatMinutes, formatShare } from './format.ts';
import { RankedBars } from './RankedBars.tsx';
import { ReportCard } from './ReportCard.tsx';
import { ReportTable } from './ReportTable.tsx';

/** How fast new leads were reached: the buckets as bars (labels stay readable on a phone), slow orange, never red. */
export function ResponseChart({ report }: { report: ResponseTimeReport }) {
  const { t } = useTranslation();
  const colors = useChartColors();
  const fill = (key: string) =>
    key === 'never' ? colors.lost : key === 'over24h' || key === '4to24h' ? colors.warn : colors.primary;
  const bars = report.buckets.map((b) => ({
    key: b.key,
    label: t(`reports.response.buckets.${b.key}`),
    value: b.count,
    color: fill(b.key),
  }));
  return (
    <RankedBars
      label={t('reports.names.response-time')}
      name={t('reports.response.leads')}
      bars={bars}
      labelWidth={84}
      barHeight={34}
      empty={report.leads === 0}
    />
  );
}

/** Median, average and p90 in a row of figures. */
export function ResponseFigures({ report }: { report: ResponseTimeReport }) {
  const { t } = useTranslation();
  const items: [string, string, string][] = [
    [t('reports.response.median'), formatMinutes(t, report.medianMinutes), 'response-median'],
    [t('reports.response.average'), formatMinutes(t, report.averageMinutes), 'response-average'],
    [t('reports.response.p90'), formatMinutes(t, report.p90Minutes), 'response-p90'],
    [t('reports.response.never'), `${formatNumber(report.never)} / ${formatNumber(report.leads)}`, 'response-never'],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mb="sm">
      {items.map(([label, value, testId]) => (
        <div key={testId}>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={600} data-testid={testId}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

export function ResponseTimeSection({ query }: { query: ReportQuery }) {
  const { t } = useTranslation();
  const report = useReport('response-time', query);
  const data = report.data;
  return (
    <ReportCard
      title={t('reports.names.response-time')}
      description={t('reports.response.description')}
      actions={<ExportLinks name="response-time" query={query} />}
      loading={report.isPending}
      error={report.error}
      testId="report-response-time"
    >
      {data && (
        <>
          <ResponseFigures report={data} />
          <ResponseChart report={data} />
          <ReportTable
            label={t('reports.names.response-time')}
            rows={data.byUser}
            rowKey={(r) => r.userId ?? 'none'}
            columns={[
              { key: 'user', label: t('reports.columns.employee'), render: (r) => r.userName ?? t('reports.noOwner') },
              { key: 'leads', label: t('reports.response.leads'), numeric: true, render: (r) => formatNumber(r.leads) },
              {
                key: 'contacted',
                label: t('reports.response.contacted'),
                numeric: true,
                render: (r) => formatNumber(r.contacted),
              },
              {
                key: 'median',
                label: t('reports.response.median'),
                numeric: true,
                render: (r) => formatMinutes(t, r.medianMinutes),
              },
              { key: 'p90', label: t('reports.response.p90'), numeric: true, render: (r) => formatMinutes(t, r.p90Minutes) },
              {
                key: 'never',
                label: t('reports.response.never'),
                numeric: true,
                render: (r) => `${formatNumber(r.never)} (${formatShare(r.leads > 0 ? r.never / r.leads : null)})`,
              },
            ]}
            minWidth={600}
          />
        </>
      )}
    </ReportCard>
  );
}

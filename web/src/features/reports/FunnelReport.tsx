import { Group, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type FunnelReport, type ReportQuery, useReport } from '../../api/reports.ts';
import { formatMoney, formatNumber } from '../../i18n/format.ts';
import { stageLabel } from '../pipelines/stages.ts';
import { useChartColors } from './ChartBox.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { formatShare } from './format.ts';
import { RankedBars } from './RankedBars.tsx';
import { ReportCard } from './ReportCard.tsx';
import { ReportTable } from './ReportTable.tsx';

/** Deals entering each stage as horizontal bars, won green and lost red, with the count at the bar. */
export function FunnelChart({ report }: { report: FunnelReport }) {
  const { t } = useTranslation();
  const colors = useChartColors();
  const bars = report.stages.map((s) => ({
    key: s.stageId,
    label: stageLabel(t, s),
    value: s.entered,
    color: s.kind === 'won' ? colors.won : s.kind === 'lost' ? colors.lost : colors.primary,
  }));
  return <RankedBars label={t('reports.names.funnel')} name={t('reports.funnel.entered')} bars={bars} barHeight={38} />;
}

/** Won (with the amount), lost and win rate under the funnel. */
export function FunnelSummary({ report }: { report: FunnelReport }) {
  const { t } = useTranslation();
  const item = (label: string, value: string, testId: string, note?: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed" data-testid={`${testId}-amount`}>
          {note}
        </Text>
      )}
    </div>
  );
  return (
    <SimpleGrid cols={3} spacing="xs" mt="xs">
      {item(t('reports.funnel.won'), formatNumber(report.won), 'funnel-won', formatMoney(report.wonAmountCents))}
      {item(t('reports.funnel.lost'), formatNumber(report.lost), 'funnel-lost', formatMoney(report.lostAmountCents))}
      {item(t('reports.funnel.winRate'), formatShare(report.winRate), 'funnel-win-rate')}
    </SimpleGrid>
  );
}

export function FunnelSection({ query }: { query: ReportQuery }) {
  const { t } = useTranslation();
  const report = useReport('funnel', query);
  const data = report.data;
  return (
    <ReportCard
      title={t('reports.names.funnel')}
      description={t('reports.funnel.description')}
      actions={<ExportLinks name="funnel" query={query} />}
      loading={report.isPending}
      error={report.error}
      onRetry={() => void report.refetch()}
      testId="report-funnel"
    >
      {data && (
        <>
          <FunnelChart report={data} />
          <FunnelSummary report={data} />
          <ReportTable
            label={t('reports.names.funnel')}
            rows={data.stages}
            rowKey={(s) => s.stageId}
            columns={[
              { key: 'stage', label: t('reports.columns.stage'), render: (s) => stageLabel(t, s) },
              { key: 'entered', label: t('reports.funnel.entered'), numeric: true, render: (s) => formatNumber(s.entered) },
              {
                key: 'advanced',
                label: t('reports.funnel.advanced'),
                numeric: true,
                render: (s) => (s.advanced === null ? '–' : formatNumber(s.advanced)),
              },
              { key: 'rate', label: t('reports.funnel.conversion'), numeric: true, render: (s) => formatShare(s.conversionRate) },
            ]}
          />
          <Group mt="xs">
            <Text size="xs" c="dimmed">
              {t('reports.funnel.note')}
            </Text>
          </Group>
        </>
      )}
    </ReportCard>
  );
}

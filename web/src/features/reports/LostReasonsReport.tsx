import { useTranslation } from 'react-i18next';
import { type ReportQuery, useReport } from '../../api/reports.ts';
import { formatMoney, formatNumber } from '../../i18n/format.ts';
import { useChartColors } from './ChartBox.tsx';
import { ExportLinks } from './ExportLinks.tsx';
import { formatShare } from './format.ts';
import { RankedBars } from './RankedBars.tsx';
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
          <RankedBars
            label={t('reports.names.lost-reasons')}
            name={t('reports.columns.deals')}
            bars={data.rows.map((r) => ({ key: r.reason ?? '—', label: name(r.reason), value: r.count, color: colors.lost }))}
            labelWidth={140}
            empty={data.rows.length === 0}
          />
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

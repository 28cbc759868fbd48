import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type ReportName, type ReportQuery, reportFileUrl } from '../../api/reports.ts';

/** CSV and Excel downloads of a report as filtered now. */
export function ExportLinks({ name, query }: { name: ReportName; query: ReportQuery }) {
  const { t, i18n } = useTranslation();
  return (
    <Button.Group>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={reportFileUrl(name, query, format, i18n.language)}
          download
          size="xs"
          variant="default"
          leftSection={format === 'csv' ? <IconDownload size={14} aria-hidden="true" /> : undefined}
          aria-label={t(`reports.export.${format}`, { report: t(`reports.names.${name}`) })}
          data-export={format}
        >
          {t(`reports.export.${format}Short`)}
        </Button>
      ))}
    </Button.Group>
  );
}

import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type ExportFormat = 'csv' | 'xlsx';

/**
 * CSV and Excel downloads of a list as filtered and sorted now (plain links; the server streams the file).
 * `href` gives the export URL for a format in the UI language: contacts, companies or deals.
 */
export function ExportButtons({ href }: { href: (format: ExportFormat, lang: string) => string }) {
  const { t, i18n } = useTranslation();
  return (
    <Button.Group>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={href(format, i18n.language)}
          download
          variant="default"
          leftSection={format === 'csv' ? <IconDownload size={16} aria-hidden="true" /> : undefined}
          aria-label={t(`customers.export.${format}`)}
          data-export={format}
        >
          {t(`customers.export.${format}Short`)}
        </Button>
      ))}
    </Button.Group>
  );
}

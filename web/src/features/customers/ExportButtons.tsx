import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { exportUrl, type ListQuery } from '../../api/customers.ts';
import type { CustomerEntity } from '../../api/types.ts';

/** CSV and Excel downloads of the list as filtered and sorted now (plain links; the server streams the file). */
export function ExportButtons({ entity, query }: { entity: CustomerEntity; query: ListQuery }) {
  const { t, i18n } = useTranslation();
  return (
    <Button.Group>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          component="a"
          href={exportUrl(entity, query, format, i18n.language)}
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

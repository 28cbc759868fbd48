import { Anchor, Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Backup, backupDownloadUrl } from '../../api/backups.ts';
import { formatDateTime, formatNumber } from '../../i18n/format.ts';
import { formatBytes } from './format.ts';

const STATE_COLOR: Record<Backup['state'], string> = { ok: 'teal', running: 'blue', interrupted: 'orange', unreadable: 'red' };

export function BackupsTable({ backups }: { backups: Backup[] }) {
  const { t } = useTranslation();
  const count = (b: Backup, table: string) => formatNumber(b.counts?.[table] ?? 0);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="sm" aria-label={t('backups.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('backups.columns.time')}</Table.Th>
            <Table.Th>{t('backups.columns.kind')}</Table.Th>
            <Table.Th>{t('backups.columns.state')}</Table.Th>
            <Table.Th ta="right">{t('backups.columns.size')}</Table.Th>
            <Table.Th>{t('backups.columns.contents')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {backups.map((b) => (
            <Table.Tr key={b.id} data-backup={b.id}>
              <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
              <Table.Td>{t(`backups.kind.${b.kind}`)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={STATE_COLOR[b.state]}>
                  {t(`backups.state.${b.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{b.sizeBytes === null ? '–' : formatBytes(b.sizeBytes)}</Table.Td>
              <Table.Td>
                {b.counts ? (
                  t('backups.contents', {
                    contacts: count(b, 'contacts'),
                    companies: count(b, 'companies'),
                    deals: count(b, 'deals'),
                    files: formatNumber(Math.max(0, (b.fileCount ?? 1) - 1)),
                  })
                ) : (
                  <Text c="dimmed">–</Text>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {b.state === 'ok' && (
                  <Anchor
                    href={backupDownloadUrl(b.id)}
                    download
                    aria-label={t('backups.downloadLabel', { time: formatDateTime(b.createdAt) })}
                  >
                    <IconDownload size={16} style={{ verticalAlign: 'text-bottom' }} /> {t('backups.download')}
                  </Anchor>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { ActionIcon, Tooltip } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type DocumentRecord, documentPdfUrl } from '../../api/documents.ts';

/** Downloads the stored PDF (the server sends it as an attachment). */
export function DownloadButton({ doc }: { doc: DocumentRecord }) {
  const { t } = useTranslation();
  const label = t('documents.list.download', { number: doc.number });
  return (
    <Tooltip label={label} withArrow>
      <ActionIcon component="a" href={documentPdfUrl(doc.id)} download={`${doc.number}.pdf`} variant="subtle" aria-label={label}>
        <IconDownload size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

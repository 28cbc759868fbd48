import { ActionIcon, Button, Menu } from '@mantine/core';
import { IconDots, IconFilePlus, IconMail, IconReceiptOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DocumentRecord, useDealDocuments } from '../../api/documents.ts';
import type { Deal } from '../../api/types.ts';
import { Panel } from '../customers/Panel.tsx';
import { CancelDocumentModal } from './CancelDocumentModal.tsx';
import { CreateDocumentModal } from './CreateDocumentModal.tsx';
import { DocumentList } from './DocumentList.tsx';
import { DownloadButton } from './DownloadButton.tsx';
import { mayCancel } from './kinds.ts';
import { SendDocumentModal } from './SendDocumentModal.tsx';

/** The deal's offers, confirmations and invoices: create one, download, e-mail, cancel an invoice. */
export function DealDocumentsPanel({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const documents = useDealDocuments(deal.id);
  const [creating, setCreating] = useState(false);
  const [sending, setSending] = useState<DocumentRecord | null>(null);
  const [cancelling, setCancelling] = useState<DocumentRecord | null>(null);

  return (
    <Panel
      title={t('documents.list.title')}
      actions={
        <Button size="xs" variant="light" leftSection={<IconFilePlus size={16} />} onClick={() => setCreating(true)}>
          {t('documents.create.action')}
        </Button>
      }
    >
      <DocumentList
        documents={documents}
        empty={t('documents.list.emptyDeal')}
        actions={(doc) => (
          <>
            <DownloadButton doc={doc} />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={t('documents.list.more', { number: doc.number })}>
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconMail size={16} />} onClick={() => setSending(doc)}>
                  {t('documents.send.action')}
                </Menu.Item>
                {mayCancel(doc) && (
                  <Menu.Item color="red" leftSection={<IconReceiptOff size={16} />} onClick={() => setCancelling(doc)}>
                    {t('documents.cancel.action')}
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          </>
        )}
      />
      <CreateDocumentModal deal={deal} opened={creating} onClose={() => setCreating(false)} />
      {sending && <SendDocumentModal doc={sending} deal={deal} onClose={() => setSending(null)} />}
      {cancelling && <CancelDocumentModal doc={cancelling} onClose={() => setCancelling(null)} />}
    </Panel>
  );
}

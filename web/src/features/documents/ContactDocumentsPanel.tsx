import { useTranslation } from 'react-i18next';
import { useContactDocuments } from '../../api/documents.ts';
import { Panel } from '../customers/Panel.tsx';
import { DealDocumentLink } from './DealDocumentLink.tsx';
import { DocumentList } from './DocumentList.tsx';
import { DownloadButton } from './DownloadButton.tsx';

/** The contact's documents from all their deals, to read and download (they are made on the deal). */
export function ContactDocumentsPanel({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const documents = useContactDocuments(contactId);
  return (
    <Panel title={t('documents.list.title')}>
      <DocumentList
        documents={documents}
        empty={t('documents.list.emptyContact')}
        actions={(doc) => (
          <>
            {doc.dealId && <DealDocumentLink dealId={doc.dealId} />}
            <DownloadButton doc={doc} />
          </>
        )}
      />
    </Panel>
  );
}

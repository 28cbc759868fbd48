import { ActionIcon, Tooltip } from '@mantine/core';
import { IconLayoutKanban } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** To the deal a document was made on (where it can be sent or cancelled). */
export function DealDocumentLink({ dealId }: { dealId: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('documents.list.toDeal')} withArrow>
      <ActionIcon component={Link} to={`/deals/${dealId}`} variant="subtle" color="gray" aria-label={t('documents.list.toDeal')}>
        <IconLayoutKanban size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

import { Anchor, Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type DocumentRecord, documentPdfUrl } from '../../api/documents.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDate, formatMoney } from '../../i18n/format.ts';
import { kindLabel, STATE_COLOR, stateOf } from './kinds.ts';

interface Props {
  documents: UseQueryResult<DocumentRecord[]>;
  empty: string;
  /** Buttons for one document (download, send, cancel …). */
  actions: (doc: DocumentRecord) => ReactNode;
}

/** Documents as rows that fit a phone: number (opens the PDF), kind and date; gross, state and actions. */
export function DocumentList({ documents, empty, actions }: Props) {
  const { t } = useTranslation();
  if (documents.isPending) return <Skeleton height={48} />;
  if (documents.isError) return <ErrorAlert error={documents.error} onRetry={() => void documents.refetch()} />;
  if (documents.data.length === 0) {
    return (
      <Group gap="xs" c="dimmed" wrap="nowrap" align="flex-start">
        <IconFileText size={18} aria-hidden="true" style={{ flex: 'none' }} />
        <Text size="sm">{empty}</Text>
      </Group>
    );
  }
  return (
    <Stack gap="xs" role="list" aria-label={t('documents.list.title')}>
      {documents.data.map((doc) => {
        const state = stateOf(doc);
        return (
          <Group
            key={doc.id}
            role="listitem"
            justify="space-between"
            wrap="nowrap"
            gap="sm"
            align="center"
            data-document={doc.number}
            data-state={state}
          >
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor
                href={documentPdfUrl(doc.id, true)}
                target="_blank"
                rel="noopener"
                size="sm"
                fw={600}
                truncate
                title={t('documents.list.open')}
                td={state === 'canceled' ? 'line-through' : undefined}
              >
                {doc.number}
              </Anchor>
              <Text size="xs" c="dimmed" truncate>
                {kindLabel(t, doc.kind)} · {formatDate(doc.createdAt)}
                {doc.sentAt ? ` · ${t('documents.list.sentOn', { date: formatDate(doc.sentAt) })}` : ''}
              </Text>
            </Stack>
            <Group gap="xs" wrap="nowrap">
              <Stack gap={2} align="flex-end">
                <Text size="sm" fw={600} c={doc.grossCents < 0 ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(doc.grossCents, doc.currency)}
                </Text>
                <Badge size="xs" variant="light" color={STATE_COLOR[state]} data-testid="document-state">
                  {t(`documents.states.${state}`)}
                </Badge>
              </Stack>
              {actions(doc)}
            </Group>
          </Group>
        );
      })}
    </Stack>
  );
}

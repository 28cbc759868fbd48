import { Badge, Code, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconBan } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiKey } from '../../api/types.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { formatDateTime } from '../../i18n/format.ts';

interface Props {
  keys: ApiKey[];
  /** Given when the list holds keys of other users. */
  ownerName?: (userId: string) => string;
  onRevoke: (key: ApiKey) => Promise<unknown>;
  revoking: boolean;
}

export function ApiKeysTable({ keys, ownerName, onRevoke, revoking }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('apiKeys.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th>{t('apiKeys.prefix')}</Table.Th>
            <Table.Th>{t('fields.role')}</Table.Th>
            {ownerName && <Table.Th>{t('apiKeys.owner')}</Table.Th>}
            <Table.Th>{t('apiKeys.createdAt')}</Table.Th>
            <Table.Th>{t('apiKeys.lastUsed')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => (
            <Table.Tr key={key.id}>
              <Table.Td fw={500}>{key.name}</Table.Td>
              <Table.Td>
                <Code>{key.prefix}…</Code>
              </Table.Td>
              <Table.Td>{t(`roles.${key.role}`)}</Table.Td>
              {ownerName && <Table.Td>{ownerName(key.userId)}</Table.Td>}
              <Table.Td>{formatDateTime(key.createdAt)}</Table.Td>
              <Table.Td>
                {key.lastUsedAt ? (
                  formatDateTime(key.lastUsedAt)
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('apiKeys.neverUsed')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {key.revokedAt ? (
                  <Badge color="gray" variant="light" title={formatDateTime(key.revokedAt)}>
                    {t('apiKeys.statusRevoked')}
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light">
                    {t('common.active')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {!key.revokedAt && (
                  <ConfirmButton
                    iconOnly
                    icon={<IconBan size={18} />}
                    label={t('apiKeys.revokeLabel', { name: key.name })}
                    title={t('apiKeys.revokeTitle')}
                    message={t('apiKeys.revokeMessage', { name: key.name })}
                    confirmLabel={t('apiKeys.revoke')}
                    loading={revoking}
                    onConfirm={() => onRevoke(key)}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

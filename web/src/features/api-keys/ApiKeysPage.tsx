import { Button, Group, Paper, Switch } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiKeys, useRevokeApiKey } from '../../api/apiKeys.ts';
import { useCurrentUser } from '../../api/auth.ts';
import type { ApiKey } from '../../api/types.ts';
import { useUserDirectory } from '../../api/users.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorSummary } from '../../components/errors.ts';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ApiKeysTable } from './ApiKeysTable.tsx';
import { CreateApiKeyModal } from './CreateApiKeyModal.tsx';

export function ApiKeysPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const keys = useApiKeys();
  const users = useUserDirectory();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [showRevoked, setShowRevoked] = useState(false);
  const names = useMemo(() => new Map((users.data ?? []).map((user) => [user.id, user.name])), [users.data]);
  const visible = (keys.data ?? []).filter((key) => showRevoked || !key.revokedAt);
  // Admins and heads also see keys of others; then the owner column says whose key it is.
  const showOwner = (keys.data ?? []).some((key) => key.userId !== me.id);

  const onRevoke = (key: ApiKey) =>
    revoke.mutateAsync(key.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('apiKeys.revoked', { name: key.name }) }),
      onError: (error) => notifications.show({ color: 'red', title: t('apiKeys.revokeFailed'), message: errorSummary(t, error) }),
    });

  return (
    <>
      <PageHeader
        title={t('apiKeys.title')}
        description={t('apiKeys.description')}
        actions={
          <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
            {t('apiKeys.create')}
          </Button>
        }
      />
      <Group justify="flex-end" mb="sm">
        <Switch
          label={t('apiKeys.showRevoked')}
          checked={showRevoked}
          onChange={(event) => setShowRevoked(event.currentTarget.checked)}
        />
      </Group>
      <Paper withBorder radius="md">
        {keys.isPending ? (
          <TableSkeleton columns={6} rows={3} />
        ) : keys.isError ? (
          <ErrorAlert error={keys.error} onRetry={() => void keys.refetch()} />
        ) : visible.length === 0 ? (
          <EmptyState icon={<IconKey />} title={t('apiKeys.empty')} description={t('apiKeys.emptyText')} />
        ) : (
          <ApiKeysTable
            keys={visible}
            ownerName={showOwner ? (id) => names.get(id) ?? '…' : undefined}
            onRevoke={onRevoke}
            revoking={revoke.isPending}
          />
        )}
      </Paper>
      <CreateApiKeyModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

import { ActionBar, Button, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransferOwnership } from '../../api/customers.ts';
import type { CustomerEntity } from '../../api/types.ts';
import { errorSummary } from '../../components/errors.ts';
import { useActiveUsers } from './useUserNames.ts';

interface Props {
  entity: CustomerEntity;
  selected: string[];
  onClear: () => void;
}

/** When rows are ticked: give them all to another owner in one step. */
export function BulkOwnerBar({ entity, selected, onClear }: Props) {
  const { t } = useTranslation();
  const users = useActiveUsers();
  const transfer = useTransferOwnership(entity);
  const [ownerId, setOwnerId] = useState<string | null>(null);

  const apply = () => {
    if (!ownerId) return;
    const name = users.find((user) => user.id === ownerId)?.name ?? '';
    transfer.mutate(
      { ids: selected, ownerId },
      {
        onSuccess: ({ updated }) => {
          notifications.show({ color: 'teal', message: t('customers.ownerChanged', { count: updated, name }) });
          setOwnerId(null);
          onClear();
        },
        onError: (error) =>
          notifications.show({ color: 'red', title: t('customers.ownerChangeFailed'), message: errorSummary(t, error) }),
      },
    );
  };

  return (
    <ActionBar opened={selected.length > 0} onClose={onClear} aria-label={t('customers.bulkActions')} shadow="lg" radius="md">
      <Text size="sm" fw={600} px="xs" style={{ whiteSpace: 'nowrap' }} data-testid="selection-count">
        {t('customers.selected', { count: selected.length })}
      </Text>
      <ActionBar.Divider />
      <Select
        aria-label={t('customers.newOwner')}
        placeholder={t('customers.newOwner')}
        searchable
        data={users.map((user) => ({ value: user.id, label: user.name }))}
        value={ownerId}
        onChange={setOwnerId}
        w={200}
        size="xs"
      />
      <Button
        size="xs"
        leftSection={<IconUserShare size={14} />}
        onClick={apply}
        disabled={!ownerId}
        loading={transfer.isPending}
      >
        {t('customers.changeOwner')}
      </Button>
      <ActionBar.CloseButton aria-label={t('customers.clearSelection')} />
    </ActionBar>
  );
}

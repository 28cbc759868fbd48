import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ENTITY_PATH, useDeleteCustomer } from '../../api/customers.ts';
import type { CustomerEntity } from '../../api/types.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { errorSummary } from '../../components/errors.ts';

/** Deletes a contact or company after a confirmation, then goes back to the list. */
export function RecordDeleteButton({ entity, id, name }: { entity: CustomerEntity; id: string; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteCustomer(entity);
  const section = entity === 'contact' ? 'contacts' : 'companies';
  return (
    <ConfirmButton
      label={t('common.delete')}
      title={t(`${section}.deleteTitle`)}
      message={t(`${section}.deleteMessage`, { name })}
      confirmLabel={t('common.delete')}
      icon={<IconTrash size={16} />}
      loading={remove.isPending}
      onConfirm={() =>
        remove.mutateAsync(id, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t(`${section}.deleted`, { name }) });
            void navigate(`/${ENTITY_PATH[entity]}`, { replace: true });
          },
          onError: (error) => notifications.show({ color: 'red', message: errorSummary(t, error) }),
        })
      }
    />
  );
}

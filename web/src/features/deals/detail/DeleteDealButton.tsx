import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDeleteDeal } from '../../../api/deals.ts';
import type { Deal } from '../../../api/types.ts';
import { ConfirmButton } from '../../../components/ConfirmButton.tsx';
import { errorSummary } from '../../../components/errors.ts';

/** Deletes the deal after a confirmation (with its line items, payments and history), then back to the board. */
export function DeleteDealButton({ deal }: { deal: Deal }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteDeal();
  return (
    <ConfirmButton
      label={t('common.delete')}
      title={t('deals.deleteTitle')}
      message={t('deals.deleteMessage', { title: deal.title })}
      confirmLabel={t('common.delete')}
      icon={<IconTrash size={16} />}
      loading={remove.isPending}
      onConfirm={() =>
        remove.mutateAsync(deal.id, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('deals.deleted', { title: deal.title }) });
            void navigate(`/deals?pipeline=${encodeURIComponent(deal.pipelineId)}`, { replace: true });
          },
          onError: (error) => notifications.show({ color: 'red', message: errorSummary(t, error) }),
        })
      }
    />
  );
}

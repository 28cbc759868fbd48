import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deal } from '../../../api/types.ts';
import { DealForm, type DealFormProps } from './DealForm.tsx';

interface Props extends Omit<DealFormProps, 'onDone'> {
  opened: boolean;
  onClose: (deal?: Deal) => void;
}

export function DealFormModal({ opened, onClose, deal, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={() => onClose()}
      title={deal ? t('deals.editTitle', { title: deal.title }) : t('deals.create')}
      size="lg"
    >
      {opened && <DealForm key={deal?.id ?? 'new'} deal={deal} onDone={onClose} {...rest} />}
    </Modal>
  );
}

import { Modal } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCustomFields } from '../../api/customFields.ts';
import type { Company } from '../../api/types.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { CompanyForm } from './CompanyForm.tsx';

interface Props {
  opened: boolean;
  company: Company | null;
  onClose: () => void;
}

export function CompanyFormModal({ opened, company, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fields = useCustomFields();
  const phone = useMediaQuery('(max-width: 48em)');

  const onDone = (record: Company, created: boolean) => {
    notifications.show({ color: 'teal', message: t(created ? 'companies.created' : 'companies.updated', { name: record.name }) });
    onClose();
    if (created) void navigate(`/companies/${record.id}`);
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={company ? t('companies.editTitle', { name: company.name }) : t('companies.create')}
      size="xl"
      fullScreen={phone}
    >
      {!opened ? null : fields.isPending ? (
        <LoadingState />
      ) : (
        <CompanyForm key={company?.id ?? 'new'} company={company} onDone={onDone} onCancel={onClose} />
      )}
    </Modal>
  );
}

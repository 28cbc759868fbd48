import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types.ts';
import { UserForm } from './UserForm.tsx';

interface Props {
  opened: boolean;
  /** The user to edit; null creates a new one. */
  user: User | null;
  onClose: () => void;
}

export function UserFormModal({ opened, user, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={user ? t('users.editTitle', { name: user.name }) : t('users.create')}
      size="lg"
    >
      {opened && <UserForm key={user?.id ?? 'new'} user={user} onDone={onClose} />}
    </Modal>
  );
}

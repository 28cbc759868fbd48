import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CreatedContact } from '../../api/customers.ts';
import { useCustomFields } from '../../api/customFields.ts';
import type { Contact } from '../../api/types.ts';
import { LoadingState } from '../../components/LoadingState.tsx';
import { PossibleDuplicates } from '../customers/PossibleDuplicates.tsx';
import { ContactForm } from './ContactForm.tsx';

interface Props {
  opened: boolean;
  /** The contact to edit; null creates a new one. */
  contact: Contact | null;
  onClose: () => void;
}

/** The create/edit dialog; after a create it names likely duplicates before opening the new card. */
export function ContactFormModal({ opened, contact, onClose }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const fields = useCustomFields();
  const [created, setCreated] = useState<CreatedContact | null>(null);
  const phone = useMediaQuery('(max-width: 48em)');

  const close = () => {
    setCreated(null);
    onClose();
  };
  const open = (record: CreatedContact) => {
    close();
    void navigate(`/contacts/${record.id}`);
  };
  const onCreated = (record: CreatedContact) => {
    notifications.show({ color: 'teal', message: t('contacts.created', { name: record.name }) });
    if (record.possibleDuplicates.length > 0) setCreated(record);
    else open(record);
  };
  const onSaved = (record: Contact) => {
    notifications.show({ color: 'teal', message: t('contacts.updated', { name: record.name }) });
    close();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={contact ? t('contacts.editTitle', { name: contact.name }) : t('contacts.create')}
      size="xl"
      fullScreen={phone}
    >
      {!opened ? null : created ? (
        <Stack>
          <Text>{t('contacts.createdText', { name: created.name })}</Text>
          <PossibleDuplicates entity="contact" duplicates={created.possibleDuplicates} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.done')}
            </Button>
            <Button onClick={() => open(created)}>{t('contacts.openCard')}</Button>
          </Group>
        </Stack>
      ) : fields.isPending ? (
        <LoadingState />
      ) : (
        <ContactForm key={contact?.id ?? 'new'} contact={contact} onCreated={onCreated} onSaved={onSaved} onCancel={close} />
      )}
    </Modal>
  );
}

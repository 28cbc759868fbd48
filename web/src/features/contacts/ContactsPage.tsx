import { IconAddressBook } from '@tabler/icons-react';
import { CustomerListPage } from '../customers/CustomerListPage.tsx';
import { ContactFormModal } from './ContactFormModal.tsx';
import { ContactsTable } from './ContactsTable.tsx';

export function ContactsPage() {
  return (
    <CustomerListPage
      entity="contact"
      icon={<IconAddressBook />}
      table={({ rows, ...props }) => <ContactsTable contacts={rows} {...props} />}
      createModal={(opened, onClose) => <ContactFormModal opened={opened} contact={null} onClose={onClose} />}
    />
  );
}

import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact, CustomField } from '../../api/types.ts';
import { CustomFieldValue } from '../customers/CustomFieldValue.tsx';
import { EmailLink, PhoneLink } from '../customers/links.tsx';
import { RelativeTime } from '../customers/RelativeTime.tsx';
import { SelectAllTh, SelectTd } from '../customers/SelectCells.tsx';
import { SortableTh } from '../customers/SortableTh.tsx';
import type { Selection } from '../customers/selection.ts';
import { TagBadges } from '../customers/TagBadges.tsx';

interface Props {
  contacts: Contact[];
  fields: CustomField[];
  owners: Map<string, string>;
  sort: string;
  onSort: (sort: string) => void;
  /** Present when the viewer may change owners in bulk. */
  selection?: Selection;
}

export function ContactsTable({ contacts, fields, owners, sort, onSort, selection }: Props) {
  const { t } = useTranslation();
  const th = (label: string, field: string) => <SortableTh label={label} field={field} sort={sort} onSort={onSort} />;
  return (
    <Table.ScrollContainer minWidth={720 + fields.length * 110}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('contacts.title')}>
        <Table.Thead>
          <Table.Tr>
            {selection && <SelectAllTh ids={contacts.map((c) => c.id)} selection={selection} />}
            {th(t('customers.name'), 'lastName')}
            <Table.Th>{t('contacts.company')}</Table.Th>
            {th(t('customers.email'), 'email')}
            <Table.Th>{t('customers.phone')}</Table.Th>
            {th(t('customers.city'), 'city')}
            <Table.Th>{t('customers.owner')}</Table.Th>
            <Table.Th>{t('customers.tags')}</Table.Th>
            {th(t('customers.lastContact'), 'lastActivityAt')}
            {fields.map((field) => (
              <SortableTh key={field.key} label={field.label} field={`customFields.${field.key}`} sort={sort} onSort={onSort} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((contact) => (
            <Table.Tr key={contact.id} data-contact={contact.name}>
              {selection && <SelectTd id={contact.id} name={contact.name} selection={selection} />}
              <Table.Td fw={500}>
                <Anchor component={Link} to={`/contacts/${contact.id}`} size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {contact.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {contact.companyId && (
                  <Anchor component={Link} to={`/companies/${contact.companyId}`} size="sm" c="dark">
                    {contact.companyName}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <EmailLink email={contact.email} />
              </Table.Td>
              <Table.Td>
                <PhoneLink phone={contact.phone} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{contact.address.city}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {contact.ownerId ? (owners.get(contact.ownerId) ?? '…') : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <TagBadges tags={contact.tags} size="xs" />
              </Table.Td>
              <Table.Td>
                <RelativeTime value={contact.lastActivityAt} />
              </Table.Td>
              {fields.map((field) => (
                <Table.Td key={field.key}>
                  <CustomFieldValue field={field} value={contact.customFields[field.key]} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Anchor, DataList, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { formatAddress } from '../customers/format.ts';
import { EmailLink, PhoneLink } from '../customers/links.tsx';
import { Panel } from '../customers/Panel.tsx';

const none = (
  <Text span c="dimmed" size="sm">
    —
  </Text>
);

export function ContactDetails({ contact, ownerName }: { contact: Contact; ownerName: string }) {
  const { t } = useTranslation();
  const address = formatAddress(contact.address);
  return (
    <Panel title={t('contacts.details')}>
      <DataList labelWidth={130} withDivider>
        <DataList.Item>
          <DataList.ItemLabel>{t('customers.email')}</DataList.ItemLabel>
          <DataList.ItemValue>{contact.email ? <EmailLink email={contact.email} wrap /> : none}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('customers.phone')}</DataList.ItemLabel>
          <DataList.ItemValue>{contact.phone ? <PhoneLink phone={contact.phone} /> : none}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('contacts.company')}</DataList.ItemLabel>
          <DataList.ItemValue>
            {contact.companyId ? (
              <Anchor component={Link} to={`/companies/${contact.companyId}`} size="sm">
                {contact.companyName}
              </Anchor>
            ) : (
              none
            )}
          </DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('customers.address')}</DataList.ItemLabel>
          <DataList.ItemValue>{address ? <Text size="sm">{address}</Text> : none}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('customers.source')}</DataList.ItemLabel>
          <DataList.ItemValue>{contact.source ? <Text size="sm">{contact.source}</Text> : none}</DataList.ItemValue>
        </DataList.Item>
        <DataList.Item>
          <DataList.ItemLabel>{t('customers.owner')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text size="sm">{ownerName}</Text>
          </DataList.ItemValue>
        </DataList.Item>
        {contact.externalId && (
          <DataList.Item>
            <DataList.ItemLabel>{t('customers.externalId')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Text size="sm">{contact.externalId}</Text>
            </DataList.ItemValue>
          </DataList.Item>
        )}
        <DataList.Item>
          <DataList.ItemLabel>{t('customers.createdAt')}</DataList.ItemLabel>
          <DataList.ItemValue>
            <Text size="sm">{formatDateTime(contact.createdAt)}</Text>
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
    </Panel>
  );
}

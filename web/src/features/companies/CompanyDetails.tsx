import { DataList, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Company } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { formatAddress } from '../customers/format.ts';
import { EmailLink, PhoneLink, WebsiteLink } from '../customers/links.tsx';
import { Panel } from '../customers/Panel.tsx';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>
        {children || (
          <Text span c="dimmed" size="sm">
            —
          </Text>
        )}
      </DataList.ItemValue>
    </DataList.Item>
  );
}

export function CompanyDetails({ company, ownerName }: { company: Company; ownerName: string }) {
  const { t } = useTranslation();
  const address = formatAddress(company.address);
  return (
    <Panel title={t('companies.details')}>
      <DataList labelWidth={130} withDivider>
        <Row label={t('customers.email')}>{company.email && <EmailLink email={company.email} wrap />}</Row>
        <Row label={t('customers.phone')}>{company.phone && <PhoneLink phone={company.phone} />}</Row>
        <Row label={t('companies.website')}>{company.website && <WebsiteLink url={company.website} />}</Row>
        <Row label={t('customers.address')}>{address && <Text size="sm">{address}</Text>}</Row>
        <Row label={t('customers.owner')}>
          <Text size="sm">{ownerName}</Text>
        </Row>
        {company.externalId && (
          <Row label={t('customers.externalId')}>
            <Text size="sm">{company.externalId}</Text>
          </Row>
        )}
        <Row label={t('customers.createdAt')}>
          <Text size="sm">{formatDateTime(company.createdAt)}</Text>
        </Row>
      </DataList>
    </Panel>
  );
}

import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Company, CustomField } from '../../api/types.ts';
import { CustomFieldValue } from '../customers/CustomFieldValue.tsx';
import { EmailLink, PhoneLink, WebsiteLink } from '../customers/links.tsx';
import { RelativeTime } from '../customers/RelativeTime.tsx';
import { SelectAllTh, SelectTd } from '../customers/SelectCells.tsx';
import { SortableTh } from '../customers/SortableTh.tsx';
import type { Selection } from '../customers/selection.ts';
import { TagBadges } from '../customers/TagBadges.tsx';

interface Props {
  companies: Company[];
  fields: CustomField[];
  owners: Map<string, string>;
  sort: string;
  onSort: (sort: string) => void;
  selection?: Selection;
}

export function CompaniesTable({ companies, fields, owners, sort, onSort, selection }: Props) {
  const { t } = useTranslation();
  const th = (label: string, field: string) => <SortableTh label={label} field={field} sort={sort} onSort={onSort} />;
  return (
    <Table.ScrollContainer minWidth={720 + fields.length * 110}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={t('companies.title')}>
        <Table.Thead>
          <Table.Tr>
            {selection && <SelectAllTh ids={companies.map((c) => c.id)} selection={selection} />}
            {th(t('customers.name'), 'name')}
            <Table.Th>{t('customers.email')}</Table.Th>
            <Table.Th>{t('customers.phone')}</Table.Th>
            <Table.Th>{t('companies.website')}</Table.Th>
            {th(t('customers.city'), 'city')}
            <Table.Th>{t('customers.owner')}</Table.Th>
            <Table.Th>{t('customers.tags')}</Table.Th>
            <Table.Th>{t('customers.lastContact')}</Table.Th>
            {fields.map((field) => (
              <SortableTh key={field.key} label={field.label} field={`customFields.${field.key}`} sort={sort} onSort={onSort} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {companies.map((company) => (
            <Table.Tr key={company.id} data-company={company.name}>
              {selection && <SelectTd id={company.id} name={company.name} selection={selection} />}
              <Table.Td>
                <Anchor component={Link} to={`/companies/${company.id}`} size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {company.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <EmailLink email={company.email} />
              </Table.Td>
              <Table.Td>
                <PhoneLink phone={company.phone} />
              </Table.Td>
              <Table.Td>
                <WebsiteLink url={company.website} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{company.address.city}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {company.ownerId ? (owners.get(company.ownerId) ?? '…') : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <TagBadges tags={company.tags} size="xs" />
              </Table.Td>
              <Table.Td>
                <RelativeTime value={company.lastActivityAt} />
              </Table.Td>
              {fields.map((field) => (
                <Table.Td key={field.key}>
                  <CustomFieldValue field={field} value={company.customFields[field.key]} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

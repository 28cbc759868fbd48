import { Anchor, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCustomerList } from '../../api/customers.ts';
import type { Contact } from '../../api/types.ts';
import { errorSummary } from '../../components/errors.ts';
import { EmailLink, PhoneLink } from '../customers/links.tsx';
import { Panel } from '../customers/Panel.tsx';

/** The people of a company, each with their ways to reach them. */
export function CompanyContacts({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const list = useCustomerList('contact', { companyId, sort: 'lastName' }, { limit: 50 });
  const contacts: Contact[] = list.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <Panel
      title={t('companies.contacts')}
      actions={
        <Button component={Link} to={`/contacts?companyId=${encodeURIComponent(companyId)}`} variant="subtle" size="compact-sm">
          {t('companies.allContacts')}
        </Button>
      }
    >
      {list.isPending ? (
        <Skeleton height={40} />
      ) : list.isError ? (
        <Text size="sm" c="red">
          {errorSummary(t, list.error)}
        </Text>
      ) : contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('companies.noContacts')}
        </Text>
      ) : (
        <Stack gap="xs">
          {contacts.map((contact) => (
            <Stack key={contact.id} gap={0} data-contact={contact.name}>
              <Anchor component={Link} to={`/contacts/${contact.id}`} size="sm" fw={600}>
                {contact.name}
              </Anchor>
              <Group gap="sm" wrap="wrap">
                <EmailLink email={contact.email} wrap />
                <PhoneLink phone={contact.phone} />
              </Group>
            </Stack>
          ))}
          {list.hasNextPage && (
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              {t('common.loadMore')}
            </Button>
          )}
        </Stack>
      )}
    </Panel>
  );
}

import { Button, Center, Group, Paper } from '@mantine/core';
import { IconAddressBook, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact } from '../../api/types.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { BulkOwnerBar } from '../customers/BulkOwnerBar.tsx';
import { ExportButtons } from '../customers/ExportButtons.tsx';
import { ListToolbar } from '../customers/ListToolbar.tsx';
import { useCustomerListPage } from '../customers/useCustomerListPage.ts';
import { ContactFormModal } from './ContactFormModal.tsx';
import { ContactsTable } from './ContactsTable.tsx';

export function ContactsPage() {
  const { t } = useTranslation();
  const page = useCustomerListPage('contact');
  const { params, list, selection } = page;
  const [creating, setCreating] = useState(false);
  const contacts: Contact[] = page.rows;

  const create = (
    <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
      {t('contacts.create')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('contacts.title')}
        description={t('contacts.description')}
        actions={
          <Group gap="sm" wrap="wrap">
            {create}
            <Button component={Link} to="/contacts/import" variant="default" leftSection={<IconFileImport size={18} />}>
              {t('imports.button')}
            </Button>
            <ExportButtons entity="contact" query={params.apiQuery} />
          </Group>
        }
      />
      <ListToolbar
        entity="contact"
        list={params}
        fields={page.fields}
        suggestions={page.suggestions}
        hiddenColumns={page.hidden}
        onHiddenColumns={page.setHidden}
      />
      <Paper withBorder radius="md">
        {list.isPending ? (
          <TableSkeleton columns={8} rows={6} />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : contacts.length === 0 ? (
          <EmptyState
            icon={<IconAddressBook />}
            title={params.filtered ? t('contacts.emptyFiltered') : t('contacts.empty')}
            description={params.filtered ? t('customers.emptyFilteredText') : t('contacts.emptyText')}
            action={
              params.filtered ? (
                <Button variant="light" onClick={() => params.replace({})}>
                  {t('common.resetFilters')}
                </Button>
              ) : (
                <Group gap="sm" justify="center">
                  {create}
                  <Button component={Link} to="/contacts/import" variant="light">
                    {t('imports.button')}
                  </Button>
                </Group>
              )
            }
          />
        ) : (
          <ContactsTable
            contacts={contacts}
            fields={page.columns}
            owners={page.owners}
            sort={params.sort}
            onSort={(sort) => params.set({ sort })}
            selection={page.canBulk ? selection : undefined}
          />
        )}
      </Paper>
      {list.hasNextPage && (
        <Center mt="md">
          <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
      {page.canBulk && <BulkOwnerBar entity="contact" selected={selection.selected} onClear={selection.clear} />}
      <ContactFormModal opened={creating} contact={null} onClose={() => setCreating(false)} />
    </>
  );
}

import { Button, Center, Group, Paper } from '@mantine/core';
import { IconBuildingCommunity, IconFileImport, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Company } from '../../api/types.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { BulkOwnerBar } from '../customers/BulkOwnerBar.tsx';
import { ExportButtons } from '../customers/ExportButtons.tsx';
import { ListToolbar } from '../customers/ListToolbar.tsx';
import { useCustomerListPage } from '../customers/useCustomerListPage.ts';
import { CompaniesTable } from './CompaniesTable.tsx';
import { CompanyFormModal } from './CompanyFormModal.tsx';

export function CompaniesPage() {
  const { t } = useTranslation();
  const page = useCustomerListPage('company');
  const { params, list, selection } = page;
  const [creating, setCreating] = useState(false);
  const companies: Company[] = page.rows;

  const create = (
    <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
      {t('companies.create')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('companies.title')}
        description={t('companies.description')}
        actions={
          <Group gap="sm" wrap="wrap">
            {create}
            <Button component={Link} to="/companies/import" variant="default" leftSection={<IconFileImport size={18} />}>
              {t('imports.button')}
            </Button>
            <ExportButtons entity="company" query={params.apiQuery} />
          </Group>
        }
      />
      <ListToolbar
        entity="company"
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
        ) : companies.length === 0 ? (
          <EmptyState
            icon={<IconBuildingCommunity />}
            title={params.filtered ? t('companies.emptyFiltered') : t('companies.empty')}
            description={params.filtered ? t('customers.emptyFilteredText') : t('companies.emptyText')}
            action={
              params.filtered ? (
                <Button variant="light" onClick={() => params.replace({})}>
                  {t('common.resetFilters')}
                </Button>
              ) : (
                <Group gap="sm" justify="center">
                  {create}
                  <Button component={Link} to="/companies/import" variant="light">
                    {t('imports.button')}
                  </Button>
                </Group>
              )
            }
          />
        ) : (
          <CompaniesTable
            companies={companies}
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
      {page.canBulk && <BulkOwnerBar entity="company" selected={selection.selected} onClear={selection.clear} />}
      <CompanyFormModal opened={creating} company={null} onClose={() => setCreating(false)} />
    </>
  );
}

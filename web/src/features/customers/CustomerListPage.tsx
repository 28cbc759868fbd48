import { Button, Center, Group, Paper } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CustomerRecord, exportUrl } from '../../api/customers.ts';
import type { CustomerEntity, CustomField } from '../../api/types.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { BulkOwnerBar } from './BulkOwnerBar.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { ListToolbar } from './ListToolbar.tsx';
import type { Selection } from './selection.ts';
import { useCustomerListPage } from './useCustomerListPage.ts';

const PLURAL = { contact: 'contacts', company: 'companies' } as const;

/** What a list page hands its entity's table. */
export interface CustomerTableProps<E extends CustomerEntity> {
  rows: CustomerRecord[E][];
  fields: CustomField[];
  owners: Map<string, string>;
  sort: string;
  onSort: (sort: string) => void;
  /** Present when the viewer may change owners in bulk. */
  selection?: Selection;
}

interface Props<E extends CustomerEntity> {
  entity: E;
  /** Shown when the list is empty. */
  icon: ReactNode;
  table: (props: CustomerTableProps<E>) => ReactNode;
  /** The dialog that creates a record, open while `opened`. */
  createModal: (opened: boolean, onClose: () => void) => ReactNode;
}

/** The contacts or companies list: header with create, import and export; filters; table; load more; bulk owner. */
export function CustomerListPage<E extends CustomerEntity>({ entity, icon, table, createModal }: Props<E>) {
  const { t } = useTranslation();
  const page = useCustomerListPage(entity);
  const { params, list, selection } = page;
  const [creating, setCreating] = useState(false);
  const plural = PLURAL[entity];
  const importPath = `/${plural}/import`;

  const create = (
    <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
      {t(`${plural}.create`)}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t(`${plural}.title`)}
        description={t(`${plural}.description`)}
        actions={
          <Group gap="sm" wrap="wrap">
            {create}
            <Button component={Link} to={importPath} variant="default" leftSection={<IconFileImport size={18} />}>
              {t('imports.button')}
            </Button>
            <ExportButtons href={(format, lang) => exportUrl(entity, params.apiQuery, format, lang)} />
          </Group>
        }
      />
      <ListToolbar
        entity={entity}
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
        ) : page.rows.length === 0 ? (
          <EmptyState
            icon={icon}
            title={params.filtered ? t(`${plural}.emptyFiltered`) : t(`${plural}.empty`)}
            description={params.filtered ? t('customers.emptyFilteredText') : t(`${plural}.emptyText`)}
            action={
              params.filtered ? (
                <Button variant="light" onClick={() => params.replace({})}>
                  {t('common.resetFilters')}
                </Button>
              ) : (
                <Group gap="sm" justify="center">
                  {create}
                  <Button component={Link} to={importPath} variant="light">
                    {t('imports.button')}
                  </Button>
                </Group>
              )
            }
          />
        ) : (
          table({
            rows: page.rows,
            fields: page.columns,
            owners: page.owners,
            sort: params.sort,
            onSort: (sort) => params.set({ sort }),
            selection: page.canBulk ? selection : undefined,
          })
        )}
      </Paper>
      {list.hasNextPage && (
        <Center mt="md">
          <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
      {page.canBulk && <BulkOwnerBar entity={entity} selected={selection.selected} onClear={selection.clear} />}
      {createModal(creating, () => setCreating(false))}
    </>
  );
}

import { Button, Center, Group, Paper, Select } from '@mantine/core';
import { IconPackage, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth.ts';
import { type ProductFilters, useProductsList } from '../../api/products.ts';
import type { Product } from '../../api/types.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TextFilter } from '../customers/TextFilter.tsx';
import { ProductFormModal } from './ProductFormModal.tsx';
import { ProductsTable } from './ProductsTable.tsx';

type ActiveFilter = 'all' | 'active' | 'inactive';

/** /admin/products: the catalogue for line items; administrators and heads edit it, others read it. */
export function ProductsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const mayEdit = me.role === 'admin' || me.role === 'head';
  const [q, setQ] = useState('');
  const [active, setActive] = useState<ActiveFilter>('all');
  const [sort, setSort] = useState('name');
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const filters: ProductFilters = useMemo(
    () => ({ q: q || undefined, active: active === 'all' ? undefined : active === 'active', sort }),
    [q, active, sort],
  );
  const list = useProductsList(filters);
  const products = list.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = q !== '' || active !== 'all';

  return (
    <>
      <PageHeader
        title={t('products.title')}
        description={mayEdit ? t('products.description') : t('products.readOnly')}
        actions={
          mayEdit && (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
              {t('products.create')}
            </Button>
          )
        }
      />
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
        <TextFilter label={t('common.search')} value={q} onChange={setQ} placeholder={t('products.searchPlaceholder')} search />
        <Select
          label={t('products.status')}
          allowDeselect={false}
          data={[
            { value: 'all', label: t('common.all') },
            { value: 'active', label: t('products.activeOnly') },
            { value: 'inactive', label: t('products.inactiveOnly') },
          ]}
          value={active}
          onChange={(value) => setActive((value ?? 'all') as ActiveFilter)}
          w={{ base: '100%', xs: 170 }}
        />
      </Group>
      <Paper withBorder radius="md">
        {list.isPending ? (
          <TableSkeleton columns={6} />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : products.length === 0 ? (
          <EmptyState
            icon={<IconPackage />}
            title={filtered ? t('products.emptyFiltered') : t('products.empty')}
            description={filtered ? undefined : t('products.emptyText')}
          />
        ) : (
          <ProductsTable products={products} sort={sort} onSort={setSort} onEdit={mayEdit ? setEditing : undefined} />
        )}
      </Paper>
      {list.hasNextPage && (
        <Center mt="md">
          <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
      <ProductFormModal product={editing} onClose={() => setEditing(null)} />
    </>
  );
}

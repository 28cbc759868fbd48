import { Button, Center, Paper } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useTeams } from '../../api/teams.ts';
import type { User } from '../../api/types.ts';
import { type UserFilters as Filters, useUsersList } from '../../api/users.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { HandoverModal } from '../customers/HandoverModal.tsx';
import { type FilterValues, UserFilters } from './UserFilters.tsx';
import { UserFormModal } from './UserFormModal.tsx';
import { UsersTable } from './UsersTable.tsx';

const NO_FILTERS: FilterValues = { q: '', role: null, teamId: null, active: 'all' };

export function UsersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState(NO_FILTERS);
  const [q] = useDebouncedValue(filters.q.trim(), 300);
  const [editing, setEditing] = useState<User | null>(null);
  const [handingOver, setHandingOver] = useState<User | null>(null);
  const creating = params.get('new') === '1';

  const query: Filters = useMemo(
    () => ({
      q: q || undefined,
      role: filters.role ?? undefined,
      teamId: filters.teamId ?? undefined,
      active: filters.active === 'all' ? undefined : filters.active === 'active',
    }),
    [q, filters.role, filters.teamId, filters.active],
  );
  const list = useUsersList(query);
  const teams = useTeams();
  const teamsById = useMemo(() => new Map((teams.data ?? []).map((team) => [team.id, team])), [teams.data]);
  const users = list.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);

  const openCreate = () => setParams({ new: '1' });
  const closeModal = () => {
    setEditing(null);
    if (creating) setParams({}, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button leftSection={<IconPlus size={18} />} onClick={openCreate}>
            {t('users.create')}
          </Button>
        }
      />
      <UserFilters value={filters} onChange={setFilters} />
      <Paper withBorder radius="md">
        {list.isPending ? (
          <TableSkeleton columns={6} />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : users.length === 0 ? (
          <EmptyState
            icon={<IconUsers />}
            title={filtered ? t('users.emptyFiltered') : t('users.empty')}
            description={filtered ? t('users.emptyFilteredText') : undefined}
            action={
              filtered && (
                <Button variant="light" onClick={() => setFilters(NO_FILTERS)}>
                  {t('common.resetFilters')}
                </Button>
              )
            }
          />
        ) : (
          <UsersTable users={users} teams={teamsById} onEdit={setEditing} onHandover={setHandingOver} />
        )}
      </Paper>
      {list.hasNextPage && (
        <Center mt="md">
          <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
      <UserFormModal opened={creating || editing !== null} user={editing} onClose={closeModal} />
      <HandoverModal user={handingOver} onClose={() => setHandingOver(null)} />
    </>
  );
}

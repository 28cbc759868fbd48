import { ActionIcon, Button, Group, Paper, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash, IconUsersGroup } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDeleteTeam, useTeams } from '../../api/teams.ts';
import type { Team } from '../../api/types.ts';
import { useUserDirectory } from '../../api/users.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorSummary } from '../../components/errors.ts';
import { TableSkeleton } from '../../components/LoadingState.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { formatNumber } from '../../i18n/format.ts';
import { TeamFormModal } from './TeamFormModal.tsx';

export function TeamsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const teams = useTeams();
  const users = useUserDirectory();
  const deleteTeam = useDeleteTeam();
  const [editing, setEditing] = useState<Team | null>(null);
  const creating = params.get('new') === '1';
  const names = useMemo(() => new Map((users.data ?? []).map((user) => [user.id, user.name])), [users.data]);

  const closeModal = () => {
    setEditing(null);
    if (creating) setParams({}, { replace: true });
  };

  const remove = (team: Team) =>
    deleteTeam.mutateAsync(team.id, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('teams.deleted', { name: team.name }) }),
      onError: (error) => notifications.show({ color: 'red', title: t('teams.deleteFailed'), message: errorSummary(t, error) }),
    });

  const create = (
    <Button leftSection={<IconPlus size={18} />} onClick={() => setParams({ new: '1' })}>
      {t('teams.create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('teams.title')} description={t('teams.description')} actions={create} />
      <Paper withBorder radius="md">
        {teams.isPending ? (
          <TableSkeleton columns={4} rows={3} />
        ) : teams.isError ? (
          <ErrorAlert error={teams.error} onRetry={() => void teams.refetch()} />
        ) : teams.data.length === 0 ? (
          <EmptyState icon={<IconUsersGroup />} title={t('teams.empty')} description={t('teams.emptyText')} />
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('teams.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('teams.head')}</Table.Th>
                  <Table.Th ta="right">{t('teams.members')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {teams.data.map((team) => (
                  <Table.Tr key={team.id} data-team={team.name}>
                    <Table.Td fw={500}>{team.name}</Table.Td>
                    <Table.Td>
                      {team.headId ? (names.get(team.headId) ?? '…') : <Text c="dimmed">{t('teams.noHead')}</Text>}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(team.memberCount)}</Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label={t('common.edit')} withArrow>
                          <ActionIcon
                            variant="subtle"
                            onClick={() => setEditing(team)}
                            aria-label={t('teams.editTitle', { name: team.name })}
                          >
                            <IconPencil size={18} />
                          </ActionIcon>
                        </Tooltip>
                        <ConfirmButton
                          iconOnly
                          icon={<IconTrash size={18} />}
                          label={t('teams.deleteLabel', { name: team.name })}
                          title={t('teams.deleteTitle')}
                          message={t('teams.deleteMessage', { name: team.name, count: team.memberCount })}
                          confirmLabel={t('common.delete')}
                          loading={deleteTeam.isPending}
                          onConfirm={() => remove(team)}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <TeamFormModal opened={creating || editing !== null} team={editing} onClose={closeModal} />
    </>
  );
}

import { Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth.ts';
import { useTeams } from '../../api/teams.ts';
import { useActiveUsers } from '../customers/useUserNames.ts';

/** The people whose tasks a head sees: their own and their teams' members (an admin: everyone). */
export function useTeamMembers() {
  const me = useCurrentUser();
  const users = useActiveUsers();
  const teams = useTeams();
  return useMemo(() => {
    if (me.role === 'admin') return users;
    const headed = new Set((teams.data ?? []).filter((team) => team.headId === me.id).map((team) => team.id));
    if (me.teamId) headed.add(me.teamId);
    return users.filter((user) => user.id === me.id || (user.teamId !== null && headed.has(user.teamId)));
  }, [me, users, teams.data]);
}

export function TeamAssigneeFilter({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const members = useTeamMembers();
  return (
    <Select
      label={t('tasks.assigneeFilter')}
      placeholder={t('tasks.assigneeAll')}
      clearable
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      data={members.map((user) => ({ value: user.id, label: user.name }))}
      value={value}
      onChange={onChange}
      w={{ base: '100%', xs: 260 }}
      mb="md"
    />
  );
}

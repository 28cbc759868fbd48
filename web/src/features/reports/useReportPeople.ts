import { useMemo } from 'react';
import { useCurrentUser } from '../../api/auth.ts';
import { useTeams } from '../../api/teams.ts';
import type { Team, User } from '../../api/types.ts';
import { useUserDirectory } from '../../api/users.ts';

/**
 * The teams and people a report filter offers: everything for an admin, a head's own teams and their
 * members; a manager filters nobody (their reports hold only their own figures anyway).
 */
export function useReportPeople(): { teams: Team[]; users: User[] } {
  const me = useCurrentUser();
  const teams = useTeams();
  const users = useUserDirectory();
  return useMemo(() => {
    const allTeams = teams.data ?? [];
    const active = (users.data ?? []).filter((u) => u.active);
    if (me.role === 'admin') return { teams: allTeams, users: active };
    if (me.role !== 'head') return { teams: [], users: [] };
    const mine = allTeams.filter((team) => team.headId === me.id || team.id === me.teamId);
    const ids = new Set(mine.map((team) => team.id));
    return { teams: mine, users: active.filter((u) => u.id === me.id || (u.teamId !== null && ids.has(u.teamId))) };
  }, [me, teams.data, users.data]);
}

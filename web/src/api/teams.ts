import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, fetchAll } from './client.ts';
import type { CreateTeam, Team, UpdateTeam } from './types.ts';
import { usersKey } from './users.ts';

export const teamsKey = ['teams'] as const;

/** All teams; a company has few, so the list is loaded whole. */
export function useTeams() {
  return useQuery({
    queryKey: teamsKey,
    queryFn: ({ signal }) => fetchAll<Team>('/teams', { sort: 'name' }, signal),
    staleTime: 60_000,
  });
}

export function useTeam(id: string | null) {
  return useQuery({
    queryKey: [...teamsKey, 'detail', id],
    queryFn: ({ signal }) => api.get<Team>(`/teams/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

function useInvalidateTeams() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: teamsKey });
    void qc.invalidateQueries({ queryKey: usersKey });
  };
}

export function useCreateTeam() {
  const onSuccess = useInvalidateTeams();
  return useMutation({ mutationFn: (input: CreateTeam) => api.post<Team>('/teams', input), onSuccess });
}

export function useUpdateTeam() {
  const onSuccess = useInvalidateTeams();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UpdateTeam }) =>
      api.patch<Team>(`/teams/${encodeURIComponent(id)}`, changes, { ifMatch: version }),
    onSuccess,
    // A stale version means the list is stale too: reload it so the next try starts from the current team.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) onSuccess();
    },
  });
}

export function useDeleteTeam() {
  const onSuccess = useInvalidateTeams();
  return useMutation({ mutationFn: (id: string) => api.delete(`/teams/${encodeURIComponent(id)}`), onSuccess });
}

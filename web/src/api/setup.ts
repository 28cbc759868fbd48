import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { replaceSession } from './auth.ts';
import { api } from './client.ts';
import type { Session, Setup } from './types.ts';

const setupKey = ['setup'] as const;

export function useSetupState(enabled = true) {
  return useQuery({
    queryKey: setupKey,
    queryFn: ({ signal }) => api.get<{ needed: boolean }>('/setup', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

export function useRunSetup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Setup) => api.post<Session>('/setup', input),
    onSuccess: (session) => {
      replaceSession(qc, session.user);
      qc.setQueryData(setupKey, { needed: false });
    },
  });
}

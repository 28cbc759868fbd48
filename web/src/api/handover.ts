import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { HandoverResult } from './types.ts';

/** Hands everything a user owns, and their open tasks, to a colleague (when someone leaves). */
export function useHandover() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ fromUserId, toUserId }: { fromUserId: string; toUserId: string }) =>
      api.post<HandoverResult>(`/users/${encodeURIComponent(fromUserId)}/handover`, { toUserId }),
    onSuccess: () => {
      for (const key of ['contacts', 'companies', 'deals', 'tasks', 'timeline']) void qc.invalidateQueries({ queryKey: [key] });
    },
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { WorkSettings } from './types.ts';

const workSettingsKey = ['settings', 'work'] as const;

export function useWorkSettings() {
  return useQuery({
    queryKey: workSettingsKey,
    queryFn: ({ signal }) => api.get<WorkSettings>('/settings/work', { signal }),
  });
}

export function useUpdateWorkSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (changes: Partial<WorkSettings>) => api.patch<WorkSettings>('/settings/work', changes),
    onSuccess: (settings) => qc.setQueryData(workSettingsKey, settings),
  });
}

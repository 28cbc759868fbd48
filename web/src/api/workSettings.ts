import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { WorkSettings, WorkSettingsChanges } from './types.ts';

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
    mutationFn: ({ version, changes }: { version: number; changes: WorkSettingsChanges }) =>
      api.patch<WorkSettings>('/settings/work', changes, { ifMatch: version }),
    onSuccess: (settings) => qc.setQueryData(workSettingsKey, settings),
  });
}

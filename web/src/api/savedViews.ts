import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll } from './client.ts';
import type { SavedView } from './types.ts';

type ViewEntity = SavedView['entity'];

const key = (entity: ViewEntity) => ['saved-views', entity] as const;

/** The caller's saved list views of an entity. */
export function useSavedViews(entity: ViewEntity) {
  return useQuery({
    queryKey: key(entity),
    queryFn: ({ signal }) => fetchAll<SavedView>('/saved-views', { entity }, signal),
  });
}

export function useCreateSavedView(entity: ViewEntity) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; query: Record<string, string> }) =>
      api.post<SavedView>('/saved-views', { entity, ...input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(entity) }),
  });
}

export function useDeleteSavedView(entity: ViewEntity) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/saved-views/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(entity) }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll } from './client.ts';
import type { ApiKey, CreateApiKey, CreatedApiKey } from './types.ts';

const apiKeysKey = ['api-keys'] as const;

/** The API keys the caller may see (own; a head: the team's; an admin: all), newest first. */
export function useApiKeys() {
  return useQuery({
    queryKey: apiKeysKey,
    queryFn: ({ signal }) => fetchAll<ApiKey>('/api-keys', { sort: '-createdAt' }, signal),
  });
}

export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateApiKey) => api.post<CreatedApiKey>('/api-keys', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: apiKeysKey }),
  });
}

export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api-keys/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: apiKeysKey }),
  });
}

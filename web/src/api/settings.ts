import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { CompanySettings, UpdateCompanySettings } from './types.ts';

const companyKey = ['settings', 'company'] as const;

export function useCompanySettings(enabled = true) {
  return useQuery({
    queryKey: companyKey,
    queryFn: ({ signal }) => api.get<CompanySettings>('/settings/company', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useUpdateCompanySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ version, changes }: { version: number; changes: UpdateCompanySettings }) =>
      api.patch<CompanySettings>('/settings/company', changes, { ifMatch: version }),
    onSuccess: (settings) => qc.setQueryData(companyKey, settings),
  });
}

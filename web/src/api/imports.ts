import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from './client.ts';
import type { CustomerEntity, Import, ImportPreview } from './types.ts';

export type ImportMode = 'create' | 'upsert';
export type ImportEntity = CustomerEntity | 'deal';

/** Where an entity's records live in the app: the list (or the board) an import leads back to. */
export const IMPORT_HOME: Record<ImportEntity, string> = { contact: '/contacts', company: '/companies', deal: '/deals' };

/** Reads a file's header and first rows and suggests a mapping; nothing is imported. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: ({ entity, file }: { entity: ImportEntity; file: File }) => {
      const form = new FormData();
      // The server reads the fields before the file.
      form.append('entity', entity);
      form.append('file', file, file.name);
      return api.post<ImportPreview>('/imports/preview', form);
    },
  });
}

export interface StartImport {
  entity: ImportEntity;
  file: File;
  mapping: Record<string, string>;
  mode: ImportMode;
  dryRun: boolean;
}

/** Starts an import (or a dry run) in the background; answers at once with its id. */
export function useStartImport() {
  return useMutation({
    mutationFn: ({ entity, file, mapping, mode, dryRun }: StartImport) => {
      const form = new FormData();
      form.append('entity', entity);
      form.append('mapping', JSON.stringify(mapping));
      form.append('mode', mode);
      form.append('dryRun', String(dryRun));
      form.append('file', file, file.name);
      return api.post<Import>('/imports', form);
    },
  });
}

const finished = (status: Import['status'] | undefined) => status === 'done' || status === 'failed';

/** An import's progress, polled every half second until it is done or failed; then the lists and the board show the new rows. */
export function useImportProgress(id: string | null) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => api.get<Import>(`/imports/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
    refetchInterval: (query) => (finished(query.state.data?.status) ? false : 500),
    staleTime: 0,
  });
  const job = query.data;
  const wrote = job !== undefined && !job.dryRun && finished(job.status);
  useEffect(() => {
    if (!wrote) return;
    for (const key of ['contacts', 'companies', 'deals', 'search']) void qc.invalidateQueries({ queryKey: [key] });
  }, [wrote, qc]);
  return query;
}

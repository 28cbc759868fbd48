import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Backup, BackupJob, BackupOverview } from '../../../server/modules/backups/backups.schemas.ts';
import { api } from './client.ts';

export type { Backup, BackupJob, BackupOverview };

export const backupsKey = ['backups'] as const;

/** The backups and the running backup; polled every second while one runs. */
export function useBackups() {
  return useQuery({
    queryKey: backupsKey,
    queryFn: ({ signal }) => api.get<BackupOverview>('/backups', { signal }),
    refetchInterval: (query) => (query.state.data?.job?.state === 'running' ? 1000 : false),
  });
}

export function useStartBackup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<BackupJob>('/backups', {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: backupsKey }),
  });
}

/** Same-origin link: the session cookie authorises the download, the server sends it as an attachment. */
export function backupDownloadUrl(id: string): string {
  return `/api/v1/backups/${encodeURIComponent(id)}/download`;
}

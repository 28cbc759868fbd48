import fs from 'node:fs';
import path from 'node:path';

/** Why a backup was taken: by an admin (UI or CLI), by the nightly timer, or by the server before migrating. */
export type BackupKind = 'manual' | 'scheduled' | 'pre-upgrade';
export const BACKUP_KINDS: readonly BackupKind[] = ['manual', 'scheduled', 'pre-upgrade'];

export const ARCHIVE_EXT = '.tar.gz';
/** Work folders of backups in progress: `.<final name>.partial/`, next to the final file so the last step is a rename. */
export const PARTIAL_SUFFIX = '.partial';

/** kontor-20261128T033000Z-scheduled, with -2, -3 … when two backups share a second. */
export const BACKUP_ID = /^kontor-(\d{8}T\d{6}Z)(?:-(\d{1,3}))?-(manual|scheduled|pre-upgrade)$/;

export class BackupError extends Error {
  override name = 'BackupError';
}

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** A fresh id for a backup in `dir` (no archive and no work folder of that name exists). */
export function newBackupId(dir: string, now: Date, kind: BackupKind): string {
  for (let n = 1; n < 1000; n++) {
    const id = `kontor-${stamp(now)}${n > 1 ? `-${n}` : ''}-${kind}`;
    const file = path.join(dir, id + ARCHIVE_EXT);
    if (!fs.existsSync(file) && !fs.existsSync(partialDirOf(file))) return id;
  }
  throw new BackupError(`too many backups at ${now.toISOString()} in ${dir}`);
}

/** Time, kind and sequence number (2, 3 … for backups in the same second) of a backup id. */
export function parseBackupId(id: string): { createdAt: Date; kind: BackupKind; seq: number } | null {
  const m = BACKUP_ID.exec(id);
  if (!m) return null;
  const s = m[1] as string;
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
  return { createdAt: new Date(iso), kind: m[3] as BackupKind, seq: Number(m[2] ?? 1) };
}

export function partialDirOf(finalFile: string): string {
  return path.join(path.dirname(finalFile), `.${path.basename(finalFile)}${PARTIAL_SUFFIX}`);
}

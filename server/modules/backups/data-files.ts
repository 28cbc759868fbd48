import fs from 'node:fs';
import path from 'node:path';
import { LOCK_FILE } from './instance-lock.ts';
import { DATABASE_FILE } from './manifest.ts';

/** Folders restore leaves next to the restored data: `replaced-<time>/` holds what was there before. */
export const REPLACED_PREFIX = 'replaced-';

export interface DataFile {
  /** Relative to the data directory, forward slashes. */
  rel: string;
  abs: string;
  size: number;
}

/**
 * The files of a data directory that belong in a backup besides the database: documents/, imports/
 * and whatever else a module keeps there. Left out: the database and its -wal/-shm (the snapshot
 * covers them), the lock file, hidden entries (work folders of backups and restores), data set aside
 * by earlier restores, and the backup folder itself when it lies inside. Symbolic links are skipped.
 */
export function dataFiles(dataDir: string, excludeDirs: string[] = []): { files: DataFile[]; skipped: string[] } {
  const files: DataFile[] = [];
  const skipped: string[] = [];
  const excluded = new Set(excludeDirs.map((d) => path.resolve(d)));
  const walk = (abs: string, rel: string) => {
    for (const entry of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const childAbs = path.join(abs, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (!rel && topLevelExcluded(entry.name)) continue;
      if (excluded.has(childAbs)) continue;
      if (entry.isDirectory()) walk(childAbs, childRel);
      else if (entry.isFile()) files.push({ rel: childRel, abs: childAbs, size: fs.statSync(childAbs).size });
      else skipped.push(childRel);
    }
  };
  if (fs.existsSync(dataDir)) walk(path.resolve(dataDir), '');
  return { files, skipped };
}

function topLevelExcluded(name: string): boolean {
  return (
    name.startsWith('.') || name.startsWith(REPLACED_PREFIX) || name.startsWith(`${DATABASE_FILE}`) || name.startsWith(LOCK_FILE)
  );
}

/** Top-level entries that restore moves aside (the same selection, plus the database files). */
export function replaceableEntries(dataDir: string, excludeDirs: string[] = []): string[] {
  if (!fs.existsSync(dataDir)) return [];
  const excluded = new Set(excludeDirs.map((d) => path.resolve(d)));
  return fs
    .readdirSync(dataDir)
    .filter((name) => !name.startsWith('.') && !name.startsWith(REPLACED_PREFIX) && !name.startsWith(LOCK_FILE))
    .filter((name) => !excluded.has(path.resolve(dataDir, name)));
}

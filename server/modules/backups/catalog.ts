import fs from 'node:fs';
import path from 'node:path';
import { FAILURE_FILE, partialOwner } from './backup.ts';
import { ARCHIVE_EXT, BACKUP_ID, type BackupKind, PARTIAL_SUFFIX, parseBackupId } from './backup-names.ts';
import { type Manifest, parseManifest } from './manifest.ts';
import { readArchiveManifest } from './tar.ts';

export type BackupState = 'ok' | 'unreadable' | 'running' | 'interrupted';

export interface BackupEntry {
  id: string;
  createdAt: string;
  kind: BackupKind;
  state: BackupState;
  /** Size of the archive; null while running or after an interruption. */
  sizeBytes: number | null;
  kontorVersion: string | null;
  counts: Record<string, number> | null;
  fileCount: number | null;
}

export interface BackupFailure {
  at: string;
  kind: BackupKind;
  error: string;
}

// Manifests never change once an archive has its name; remember them by name, size and time.
const manifestCache = new Map<string, Manifest>();

async function manifestOf(file: string, stat: fs.Stats): Promise<Manifest | null> {
  const key = `${file}:${stat.size}:${stat.mtimeMs}`;
  const cached = manifestCache.get(key);
  if (cached) return cached;
  try {
    const manifest = parseManifest(await readArchiveManifest(file));
    manifestCache.set(key, manifest);
    return manifest;
  } catch {
    return null;
  }
}

/** The backups in a folder, newest first: finished archives, and backups running or interrupted. */
export async function listBackups(dir: string): Promise<BackupEntry[]> {
  if (!fs.existsSync(dir)) return [];
  const entries: BackupEntry[] = [];
  for (const name of fs.readdirSync(dir)) {
    const partial = name.startsWith('.') && name.endsWith(ARCHIVE_EXT + PARTIAL_SUFFIX);
    const id = partial ? name.slice(1, -(ARCHIVE_EXT + PARTIAL_SUFFIX).length) : name.slice(0, -ARCHIVE_EXT.length);
    if (!partial && !name.endsWith(ARCHIVE_EXT)) continue;
    const parsed = parseBackupId(id);
    if (!parsed) continue;
    const base = { id, createdAt: parsed.createdAt.toISOString(), kind: parsed.kind };
    if (partial) {
      const owner = partialOwner(path.join(dir, name));
      const state = owner?.alive ? 'running' : 'interrupted';
      entries.push({ ...base, state, sizeBytes: null, kontorVersion: null, counts: null, fileCount: null });
      continue;
    }
    const file = path.join(dir, name);
    const stat = fs.lstatSync(file);
    if (!stat.isFile()) continue;
    const manifest = await manifestOf(file, stat);
    entries.push({
      ...base,
      state: manifest ? 'ok' : 'unreadable',
      sizeBytes: stat.size,
      kontorVersion: manifest?.kontorVersion ?? null,
      counts: manifest?.counts ?? null,
      fileCount: manifest ? manifest.files.length : null,
    });
  }
  const seq = (id: string) => parseBackupId(id)?.seq ?? 1;
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || seq(b.id) - seq(a.id));
}

/** The last failed backup in a folder, cleared by the next successful one. */
export function lastFailure(dir: string): BackupFailure | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, FAILURE_FILE), 'utf8')) as BackupFailure;
  } catch {
    return null;
  }
}

/**
 * The archive of a backup id, or null. Only names of Kontor's own pattern inside the backup
 * folder resolve, and only to regular files (no links): no other path can be reached through it.
 */
export function backupArchive(dir: string, id: string): string | null {
  if (!BACKUP_ID.test(id)) return null;
  const file = path.join(dir, id + ARCHIVE_EXT);
  try {
    return fs.lstatSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

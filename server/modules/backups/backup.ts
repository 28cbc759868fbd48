import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ARCHIVE_EXT, BackupError, type BackupKind, newBackupId, PARTIAL_SUFFIX, partialDirOf } from './backup-names.ts';
import { dataFiles } from './data-files.ts';
import { DATABASE_FILE, MANIFEST_FILE, MANIFEST_FORMAT, type Manifest, type ManifestFile } from './manifest.ts';
import { snapshotDatabase } from './snapshot.ts';
import { listArchive, packArchive } from './tar.ts';

export type BackupPhase = 'database' | 'files' | 'archive' | 'verify';

/** database: pages; files and archive: bytes; verify: 0 of 1, then 1 of 1. */
export interface BackupProgress {
  phase: BackupPhase;
  done: number;
  total: number;
}

export interface BackupOptions {
  dataDir: string;
  /** Folder for `kontor-<time>-<kind>.tar.gz`; also where a failure is noted for the admin screen. */
  backupDir: string;
  /** Write exactly this file instead (its folder holds the temporary files). */
  outFile?: string;
  kind: BackupKind;
  /** The id (from newBackupId), when the caller needs it before the backup starts. */
  id?: string;
  kontorVersion: string;
  now?: Date;
  onProgress?: (progress: BackupProgress) => void;
  /** Stops the backup between steps and kills tar; the work folder is removed. */
  signal?: AbortSignal;
}

export interface BackupResult {
  id: string;
  file: string;
  sizeBytes: number;
  manifest: Manifest;
  durationMs: number;
  /** Entries of the data directory that are neither files nor folders (left out). */
  skipped: string[];
}

/** Written into a work folder so others can tell a running backup from one that was killed. */
interface WorkOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  kind: BackupKind;
}

export const OWNER_FILE = 'owner.json';
export const FAILURE_FILE = '.last-failure.json';

/**
 * Takes a backup: a consistent snapshot of the database (integrity-checked), a copy of the
 * data directory's files, a manifest with row counts and sha256 checksums, packed into one
 * tar.gz. Everything is written inside a hidden work folder next to the target; only the
 * complete, re-read archive is renamed to its final name, so a backup that is killed half-way
 * leaves earlier backups untouched and no file with the final name.
 */
export async function createBackup(opts: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  const now = opts.now ?? new Date();
  const dataDir = path.resolve(opts.dataDir);
  const database = path.join(dataDir, DATABASE_FILE);
  const targetDir = opts.outFile ? path.dirname(path.resolve(opts.outFile)) : path.resolve(opts.backupDir);
  fs.mkdirSync(targetDir, { recursive: true, mode: 0o750 });
  const failureFile = opts.outFile ? null : path.join(targetDir, FAILURE_FILE);
  try {
    if (!fs.existsSync(database)) throw new BackupError(`there is no database at ${database}`);
    removeStalePartials(targetDir);
    const result = await writeBackup(opts, { now, dataDir, database, targetDir, started });
    if (failureFile) fs.rmSync(failureFile, { force: true });
    return result;
  } catch (err) {
    if (failureFile) noteFailure(failureFile, opts.kind, err as Error);
    throw err;
  }
}

function noteFailure(file: string, kind: BackupKind, err: Error): void {
  try {
    fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), kind, error: err.message }));
  } catch {
    // a full or read-only disk is what failed the backup; the error itself is reported by the caller
  }
}

async function writeBackup(
  opts: BackupOptions,
  {
    now,
    dataDir,
    database,
    targetDir,
    started,
  }: { now: Date; dataDir: string; database: string; targetDir: string; started: number },
): Promise<BackupResult> {
  const id = opts.outFile
    ? path.basename(opts.outFile).replace(/\.tar\.gz$|\.tgz$/, '')
    : (opts.id ?? newBackupId(targetDir, now, opts.kind));
  const finalFile = opts.outFile ? path.resolve(opts.outFile) : path.join(targetDir, id + ARCHIVE_EXT);
  if (fs.existsSync(finalFile)) throw new BackupError(`${finalFile} already exists`);

  const work = partialDirOf(finalFile);
  const content = path.join(work, 'content');
  fs.mkdirSync(content, { recursive: true, mode: 0o700 });
  const owner: WorkOwner = { pid: process.pid, hostname: os.hostname(), startedAt: now.toISOString(), kind: opts.kind };
  fs.writeFileSync(path.join(work, OWNER_FILE), JSON.stringify(owner));
  const progress = opts.onProgress ?? (() => {});
  const checkAbort = () => {
    if (opts.signal?.aborted) throw new BackupError('the backup was cancelled');
  };

  try {
    const db = await snapshotDatabase(database, path.join(content, DATABASE_FILE), (done, total) =>
      progress({ phase: 'database', done, total }),
    );
    checkAbort();

    const { files, skipped } = dataFiles(dataDir, [targetDir, path.resolve(opts.backupDir)]);
    const total = files.reduce((sum, f) => sum + f.size, 0);
    let copied = 0;
    const entries: ManifestFile[] = [await describe(path.join(content, DATABASE_FILE), DATABASE_FILE)];
    for (const file of files) {
      checkAbort();
      entries.push(await copyWithHash(file.abs, path.join(content, file.rel), file.rel));
      copied += file.size;
      progress({ phase: 'files', done: copied, total });
    }

    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      formatVersion: 1,
      kontorVersion: opts.kontorVersion,
      createdAt: now.toISOString(),
      kind: opts.kind,
      hostname: os.hostname(),
      database: {
        file: DATABASE_FILE,
        pageSize: db.pageSize,
        pageCount: db.pageCount,
        integrityCheck: 'ok',
        migrations: db.migrations,
      },
      counts: db.counts,
      files: entries,
      totalBytes: entries.reduce((sum, f) => sum + f.size, 0),
    };
    fs.writeFileSync(path.join(content, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

    const archive = path.join(work, `archive${ARCHIVE_EXT}`);
    const members = [
      MANIFEST_FILE,
      ...fs
        .readdirSync(content)
        .filter((n) => n !== MANIFEST_FILE)
        .sort(),
    ];
    await packArchive(content, members, archive, {
      signal: opts.signal,
      onBytes: (bytes) => progress({ phase: 'archive', done: Math.min(bytes, manifest.totalBytes), total: manifest.totalBytes }),
    });
    progress({ phase: 'archive', done: manifest.totalBytes, total: manifest.totalBytes });

    progress({ phase: 'verify', done: 0, total: 1 });
    const listing = await listArchive(archive, opts.signal);
    if (listing.regularFiles !== entries.length + 1 || listing.others.length > 0) {
      throw new BackupError(`the archive holds ${listing.regularFiles} files, expected ${entries.length + 1}`);
    }
    fs.chmodSync(archive, 0o640);
    fsyncFile(archive);
    checkAbort();
    fs.renameSync(archive, finalFile);
    fsyncFile(targetDir);
    progress({ phase: 'verify', done: 1, total: 1 });
    return { id, file: finalFile, sizeBytes: fs.statSync(finalFile).size, manifest, durationMs: Date.now() - started, skipped };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function describe(file: string, rel: string): Promise<ManifestFile> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return { path: rel, size: fs.statSync(file).size, sha256: hash.digest('hex') };
}

/** Copies a file and hashes exactly the bytes that were copied. */
async function copyWithHash(from: string, to: string, rel: string): Promise<ManifestFile> {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  const tap = new PassThrough();
  tap.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
  });
  await pipeline(fs.createReadStream(from), tap, fs.createWriteStream(to, { mode: 0o600 }));
  return { path: rel, size, sha256: hash.digest('hex') };
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The owner of a work folder, and whether that process still runs on this machine. */
export function partialOwner(work: string): (WorkOwner & { alive: boolean }) | null {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(work, OWNER_FILE), 'utf8')) as WorkOwner;
    return { ...owner, alive: owner.hostname === os.hostname() && processAlive(owner.pid) };
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes work folders of backups whose process has died (killed, crashed, powered off). */
export function removeStalePartials(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!/^\..+\.(tar\.gz|tgz)$/.test(name.slice(0, -PARTIAL_SUFFIX.length)) || !name.endsWith(PARTIAL_SUFFIX)) continue;
    const work = path.join(dir, name);
    const owner = partialOwner(work);
    // A folder without owner file may be one being created this instant: leave it for a while.
    if (owner ? owner.alive : Date.now() - fs.statSync(work).mtimeMs < 10 * 60_000) continue;
    fs.rmSync(work, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

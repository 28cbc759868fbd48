import fs from 'node:fs';
import path from 'node:path';
import { REPLACED_PREFIX, replaceableEntries } from './data-files.ts';
import { databaseInUse, LOCK_FILE, tryLockDataDir } from './instance-lock.ts';
import { DATABASE_FILE, MANIFEST_FILE, type Manifest, parseManifest, sha256File } from './manifest.ts';
import { checkDatabaseFile } from './snapshot.ts';
import { extractArchive, listArchive } from './tar.ts';

export class RestoreError extends Error {
  override name = 'RestoreError';
}

/**
 * Checks a backup archive completely and leaves its content in `dir`: the gzip stream and tar
 * structure, member types (files and folders only), the manifest, every file's size and sha256,
 * no file missing or extra, the database's `PRAGMA integrity_check` and its row counts.
 */
export async function verifyArchive(file: string, dir: string): Promise<Manifest> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new RestoreError(`${file} is not a file`);
  let others: string[];
  try {
    ({ others } = await listArchive(file));
  } catch (err) {
    throw new RestoreError(`the archive is damaged: ${(err as Error).message}`);
  }
  if (others.length > 0) throw new RestoreError(`the archive holds links or special files: ${others.slice(0, 3).join('; ')}`);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  await extractArchive(file, dir);

  let manifest: Manifest;
  try {
    manifest = parseManifest(fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8'));
  } catch (err) {
    throw new RestoreError(`the archive has no valid manifest: ${(err as Error).message}`);
  }
  const found = filesUnder(dir).filter((rel) => rel !== MANIFEST_FILE);
  const expected = new Map(manifest.files.map((f) => [f.path, f]));
  const problems: string[] = [];
  for (const rel of found) if (!expected.has(rel)) problems.push(`${rel} is not in the manifest`);
  for (const entry of manifest.files) {
    const abs = path.join(dir, entry.path);
    if (!found.includes(entry.path)) problems.push(`${entry.path} is missing`);
    else if (fs.statSync(abs).size !== entry.size) problems.push(`${entry.path} has the wrong size`);
    else if ((await sha256File(abs)) !== entry.sha256) problems.push(`${entry.path} has the wrong checksum`);
  }
  if (!expected.has(manifest.database.file) || manifest.database.file !== DATABASE_FILE) problems.push('the database is missing');
  if (problems.length > 0) {
    throw new RestoreError(`the archive does not match its manifest: ${problems.slice(0, 5).join('; ')}`);
  }
  let counts: Record<string, number>;
  try {
    ({ counts } = checkDatabaseFile(path.join(dir, DATABASE_FILE)));
  } catch (err) {
    throw new RestoreError((err as Error).message);
  }
  const wrong = Object.keys({ ...counts, ...manifest.counts }).filter((t) => counts[t] !== manifest.counts[t]);
  if (wrong.length > 0) throw new RestoreError(`row counts differ from the manifest in: ${wrong.slice(0, 5).join(', ')}`);
  return manifest;
}

function filesUnder(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(dir, child));
    else if (entry.isFile()) out.push(child);
    else throw new RestoreError(`the archive holds ${child}, which is neither a file nor a folder`);
  }
  return out;
}

export interface RestoreOptions {
  file: string;
  dataDir: string;
  /** The backup folder, when it lies inside the data directory: it stays where it is. */
  backupDir?: string;
  /** Migrations this Kontor knows; a backup with others comes from a newer version. */
  knownMigrations?: string[];
  /** Restore a backup of a newer version anyway. */
  force?: boolean;
  now?: Date;
  onStep?: (message: string) => void;
}

export interface RestoreResult {
  manifest: Manifest;
  /** Where the data that was there before now lies, or null when there was none. */
  asideDir: string | null;
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');

/**
 * Restores a backup into a data directory. Refuses while Kontor runs on it (instance lock, or the
 * database open in another process) and holds the lock itself meanwhile, so no server starts
 * half-way. Verifies the archive completely before touching anything, moves the current data
 * into `replaced-<time>/` (the database with its own -wal/-shm, so that copy stays whole), makes
 * sure no stale -wal/-shm is left next to the restored database, and moves the content in.
 */
export async function restoreBackup(opts: RestoreOptions): Promise<RestoreResult> {
  const dataDir = path.resolve(opts.dataDir);
  const now = opts.now ?? new Date();
  const step = opts.onStep ?? (() => {});
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = tryLockDataDir(dataDir);
  if (!lock) {
    throw new RestoreError(`Kontor is running on ${dataDir} (it holds ${LOCK_FILE}); stop it first, e.g. systemctl stop kontor`);
  }
  const staging = path.join(dataDir, `.restore-${stamp(now)}`);
  const database = path.join(dataDir, DATABASE_FILE);
  try {
    if (databaseInUse(database)) {
      throw new RestoreError(`${database} is open in another process (a running Kontor or a backup); stop it first`);
    }
    step(`verifying ${opts.file}`);
    const manifest = await verifyArchive(opts.file, staging);
    const unknown = opts.knownMigrations ? manifest.database.migrations.filter((m) => !opts.knownMigrations?.includes(m)) : [];
    if (unknown.length > 0 && !opts.force) {
      throw new RestoreError(
        `the backup comes from a newer Kontor (${manifest.kontorVersion}) with migrations this version does not know: ${unknown.join(', ')}; install that version first (or use --force)`,
      );
    }

    const owner = fs.statSync(dataDir);
    const current = replaceableEntries(dataDir, opts.backupDir ? [opts.backupDir] : []);
    let asideDir: string | null = null;
    if (current.length > 0) {
      asideDir = path.join(dataDir, `${REPLACED_PREFIX}${stamp(now)}`);
      step(`moving the current data to ${asideDir}`);
      fs.mkdirSync(asideDir, { mode: 0o700 });
      if (process.getuid?.() === 0) fs.chownSync(asideDir, owner.uid, owner.gid);
      for (const name of current) fs.renameSync(path.join(dataDir, name), path.join(asideDir, name));
    }
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(database + suffix, { force: true });

    const incoming = fs.readdirSync(staging).filter((n) => n !== MANIFEST_FILE);
    const moved: string[] = [];
    try {
      for (const name of incoming) {
        fs.renameSync(path.join(staging, name), path.join(dataDir, name));
        moved.push(name);
      }
    } catch (err) {
      for (const name of moved) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
      if (asideDir) for (const name of current) fs.renameSync(path.join(asideDir, name), path.join(dataDir, name));
      throw err;
    }
    if (process.getuid?.() === 0) for (const name of incoming) chownTree(path.join(dataDir, name), owner.uid, owner.gid);
    step(`restored ${manifest.files.length} files from ${manifest.createdAt}`);
    return { manifest, asideDir };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    lock.release();
  }
}

function chownTree(target: string, uid: number, gid: number): void {
  fs.lchownSync(target, uid, gid);
  if (fs.lstatSync(target).isDirectory()) {
    for (const name of fs.readdirSync(target)) chownTree(path.join(target, name), uid, gid);
  }
}

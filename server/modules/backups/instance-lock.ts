import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

/**
 * One running Kontor per data directory. The server (and a restore) holds an exclusive SQLite
 * lock on `kontor.lock` for as long as it lives; the kernel drops that lock when the process ends,
 * also on kill -9 or a crash, so there is never a stale lock to clean up (unlike a pid file).
 */
export const LOCK_FILE = 'kontor.lock';

export interface InstanceLock {
  release(): void;
}

function busy(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** Takes the lock, or returns null when another process holds it. */
export function tryLockDataDir(dataDir: string): InstanceLock | null {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const db = new SQLite(file, { timeout: 0 });
  // root (a restore) must not leave a lock file the service user cannot open
  if (process.getuid?.() === 0) {
    const owner = fs.statSync(dataDir);
    fs.chownSync(file, owner.uid, owner.gid);
  }
  try {
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    if (busy(err)) return null;
    throw err;
  }
  return {
    release() {
      if (!db.open) return;
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

/** Waits up to `waitMs` for the lock (a restarting server may still be shutting down). */
export async function lockDataDir(dataDir: string, waitMs = 0): Promise<InstanceLock | null> {
  const until = Date.now() + waitMs;
  for (;;) {
    const lock = tryLockDataDir(dataDir);
    if (lock || Date.now() >= until) return lock;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** True while a Kontor server (or a restore) holds the data directory's lock. */
export function instanceRunning(dataDir: string): boolean {
  if (!fs.existsSync(path.join(dataDir, LOCK_FILE))) return false;
  const lock = tryLockDataDir(dataDir);
  lock?.release();
  return lock === null;
}

/**
 * True while any process has the database open: an older server without the lock, a backup
 * in progress, an sqlite3 shell. Exclusive locking mode conflicts with every other WAL connection.
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const db = new SQLite(file, { timeout: 0, fileMustExist: true });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    return false;
  } catch (err) {
    if (busy(err)) return true;
    throw err;
  } finally {
    db.close();
  }
}

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../server/modules/backups/backup.ts';
import { lastFailure, listBackups } from '../../server/modules/backups/catalog.ts';
import { databaseInUse, tryLockDataDir } from '../../server/modules/backups/instance-lock.ts';
import { sha256File } from '../../server/modules/backups/manifest.ts';
import { restoreBackup, verifyArchive } from '../../server/modules/backups/restore.ts';
import { crashAfterWrite, describeDatabase, growDatabase, holdDatabaseOpen, seedDataDir } from './fixtures.ts';
import { BACKUP_SH, RESTORE_SH, run, tempDir } from './support.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
function work(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}
const backup = (dataDir: string, backupDir: string) =>
  createBackup({ dataDir, backupDir, kind: 'manual', kontorVersion: '0.0.0-test' });
const archives = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith('.tar.gz'));

describe('backup', () => {
  it('writes a verified archive with manifest, counts and checksums, which restores file for file', async () => {
    const root = work();
    const dataDir = path.join(root, 'data');
    await seedDataDir(dataDir, 5);
    const result = await backup(dataDir, path.join(root, 'backups'));
    expect(path.basename(result.file)).toMatch(/^kontor-\d{8}T\d{6}Z-manual\.tar\.gz$/);
    expect(fs.statSync(result.file).mode & 0o777).toBe(0o640);
    const m = result.manifest;
    expect(m).toMatchObject({ format: 'kontor-backup', formatVersion: 1, kontorVersion: '0.0.0-test', kind: 'manual' });
    expect(m.counts.contacts).toBe(5);
    expect(m.files.map((f) => f.path).sort()).toEqual(['documents/2026/angebot-1.pdf', 'imports/upload-1.csv', 'kontor.db']);
    expect(m.files.find((f) => f.path === 'imports/upload-1.csv')?.sha256).toBe(
      await sha256File(path.join(dataDir, 'imports', 'upload-1.csv')),
    );

    const target = path.join(root, 'restored');
    const restored = await restoreBackup({ file: result.file, dataDir: target });
    expect(restored.asideDir).toBeNull();
    expect(describeDatabase(path.join(target, 'kontor.db'))).toEqual(describeDatabase(path.join(dataDir, 'kontor.db')));
    expect(fs.readFileSync(path.join(target, 'documents', '2026', 'angebot-1.pdf'), 'utf8')).toContain('Angebot 1');
    const [entry] = await listBackups(path.join(root, 'backups'));
    expect(entry).toMatchObject({ state: 'ok', kind: 'manual', counts: expect.objectContaining({ contacts: 5 }), fileCount: 3 });
  });

  it('killed half-way (kill -9) leaves earlier backups intact and no file with the final name', async () => {
    const root = work();
    const dataDir = path.join(root, 'data');
    const backupDir = path.join(root, 'backups');
    await seedDataDir(dataDir, 2000);
    const previous = await backup(dataDir, backupDir);
    const previousHash = await sha256File(previous.file);
    growDatabase(dataDir, 40);

    const out = path.join(backupDir, 'nightly.tar.gz');
    const child = spawn(BACKUP_SH, ['--data-dir', dataDir, '--backup-dir', backupDir, '--out', out], { detached: true });
    let progress = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        progress += d;
        if (/pages copied/.test(progress)) resolve();
      });
      child.on('exit', () => reject(new Error(`backup ended before it could be killed: ${progress}`)));
    });
    process.kill(-(child.pid as number), 'SIGKILL'); // the whole process group, tar included
    expect(await exited).toBe('SIGKILL');

    expect(fs.existsSync(out)).toBe(false);
    expect(archives(backupDir)).toEqual([path.basename(previous.file)]);
    expect(await sha256File(previous.file)).toBe(previousHash);
    await expect(verifyArchive(previous.file, path.join(root, 'check'))).resolves.toMatchObject({ counts: { contacts: 2000 } });
    // The work folder is left behind, seen as interrupted, and the next backup clears it.
    expect(fs.readdirSync(backupDir).filter((n) => n.endsWith('.partial'))).toEqual(['.nightly.tar.gz.partial']);
    const next = await backup(dataDir, backupDir);
    expect(fs.readdirSync(backupDir).filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect(next.manifest.counts.bulk_filler).toBeGreaterThan(5000);
  }, 120_000);

  it('that fails leaves no archive and notes the failure for the admin screen', async () => {
    const root = work();
    const backupDir = path.join(root, 'backups');
    await expect(backup(path.join(root, 'empty'), backupDir)).rejects.toThrow(/no database/);
    expect(lastFailure(backupDir)?.error).toMatch(/there is no database at/);
    const dataDir = path.join(root, 'data');
    await seedDataDir(dataDir);
    fs.mkdirSync(path.join(dataDir, 'documents', 'broken.pdf'), { recursive: true });
    fs.chmodSync(path.join(dataDir, 'documents'), 0o755);
    const bad = path.join(dataDir, 'kontor.db');
    fs.writeFileSync(`${bad}.keep`, fs.readFileSync(bad));
    fs.writeFileSync(bad, 'not a database, just text that is long enough to look like a file'.repeat(100));
    await expect(backup(dataDir, backupDir)).rejects.toThrow();
    expect(archives(backupDir)).toEqual([]);
    expect(fs.readdirSync(backupDir).filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect(lastFailure(backupDir)).toMatchObject({ kind: 'manual', error: expect.any(String) });
    fs.renameSync(`${bad}.keep`, bad);
    await backup(dataDir, backupDir);
    expect(lastFailure(backupDir)).toBeNull();
  });
});

describe('restore', () => {
  async function instanceWithBackup(backupsInside = false) {
    const root = work();
    const dataDir = path.join(root, 'data');
    await seedDataDir(dataDir, 4);
    const { file } = await backup(dataDir, backupsInside ? path.join(dataDir, 'backups') : path.join(root, 'backups'));
    return { root, dataDir, file };
  }
  const unchanged = async (dataDir: string, dbHash: string) => {
    expect(await sha256File(path.join(dataDir, 'kontor.db'))).toBe(dbHash);
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('replaced-') || n.startsWith('.restore-'))).toEqual([]);
  };

  it('refuses an archive with flipped bytes (script: exit 1, nothing changed)', async () => {
    const { root, dataDir, file } = await instanceWithBackup();
    const bytes = fs.readFileSync(file);
    for (const at of [Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 7]) bytes[at] = (bytes[at] as number) ^ 0xff;
    const corrupt = path.join(root, 'corrupt.tar.gz');
    fs.writeFileSync(corrupt, bytes);
    const dbHash = await sha256File(path.join(dataDir, 'kontor.db'));
    const res = await run(RESTORE_SH, [corrupt, '--data-dir', dataDir]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Restore refused: the archive (is damaged|does not match its manifest)/);
    expect(res.stderr).toContain('Nothing was changed.');
    await unchanged(dataDir, dbHash);
  }, 60_000);

  it('refuses an archive whose files do not match the manifest', async () => {
    const { root, dataDir, file } = await instanceWithBackup();
    const dbHash = await sha256File(path.join(dataDir, 'kontor.db'));
    const unpacked = path.join(root, 'unpacked');
    fs.mkdirSync(unpacked);
    expect((await run('tar', ['-xzf', file, '-C', unpacked])).code).toBe(0);
    fs.appendFileSync(path.join(unpacked, 'documents', '2026', 'angebot-1.pdf'), 'tampered');
    const tampered = path.join(root, 'tampered.tar.gz');
    expect(
      (await run('tar', ['-czf', tampered, '-C', unpacked, 'manifest.json', 'kontor.db', 'documents', 'imports'])).code,
    ).toBe(0);
    await expect(restoreBackup({ file: tampered, dataDir })).rejects.toThrow(
      /does not match its manifest: documents\/2026\/angebot-1.pdf has the wrong size/,
    );
    fs.writeFileSync(path.join(unpacked, 'extra.txt'), 'not in the manifest');
    const extra = path.join(root, 'extra.tar.gz');
    await run('tar', ['-czf', extra, '-C', unpacked, 'manifest.json', 'kontor.db', 'extra.txt']);
    await expect(restoreBackup({ file: extra, dataDir })).rejects.toThrow(/extra.txt is not in the manifest/);
    await unchanged(dataDir, dbHash);
  });

  it('refuses while the instance runs: its lock is held, or its database is open', async () => {
    const { dataDir, file } = await instanceWithBackup();
    const dbHash = await sha256File(path.join(dataDir, 'kontor.db'));
    const lock = tryLockDataDir(dataDir);
    expect(lock).not.toBeNull();
    await expect(restoreBackup({ file, dataDir })).rejects.toThrow(/Kontor is running on .* stop it first/);
    lock?.release();

    const holder = await holdDatabaseOpen(path.join(dataDir, 'kontor.db'));
    expect(databaseInUse(path.join(dataDir, 'kontor.db'))).toBe(true);
    await expect(restoreBackup({ file, dataDir })).rejects.toThrow(/is open in another process/);
    await holder.kill();
    expect(databaseInUse(path.join(dataDir, 'kontor.db'))).toBe(false);
    await unchanged(dataDir, dbHash);
  });

  it('keeps the current data aside (with its own -wal/-shm) and leaves exactly the backed-up data, no stale -wal/-shm', async () => {
    const { dataDir, file } = await instanceWithBackup(true);
    const backedUp = describeDatabase(path.join(dataDir, 'kontor.db'));
    fs.writeFileSync(path.join(dataDir, 'documents', 'later.pdf'), 'written after the backup');
    // a server that crashed after a committed write: its -wal holds that write
    await crashAfterWrite(path.join(dataDir, 'kontor.db'), 'after-backup');
    expect(fs.statSync(path.join(dataDir, 'kontor.db-wal')).size).toBeGreaterThan(0);
    const check = await run(RESTORE_SH, [file, '--check']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^OK: .* is a complete backup of .*: \d+ rows in \d+ tables, 3 files/m);

    const result = await restoreBackup({ file, dataDir, backupDir: path.join(dataDir, 'backups') });
    expect(result.asideDir).toMatch(/replaced-\d{8}T\d{6}Z$/);
    const aside = result.asideDir as string;
    expect(fs.readdirSync(aside)).toEqual(expect.arrayContaining(['documents', 'imports', 'kontor.db']));
    // the data set aside is whole: the crashed write is in it
    expect(describeDatabase(path.join(aside, 'kontor.db')).counts.contacts).toBe((backedUp.counts.contacts ?? 0) + 1);
    expect(fs.existsSync(path.join(dataDir, 'kontor.db-wal'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'kontor.db-shm'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'documents', 'later.pdf'))).toBe(false);
    expect(fs.existsSync(file)).toBe(true); // the backup folder inside the data directory stays
    expect(describeDatabase(path.join(dataDir, 'kontor.db'))).toEqual(backedUp);
  }, 60_000);
});

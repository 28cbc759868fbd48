// scripts/restore.sh FILE [--data-dir DIR] [--backup-dir DIR] [--check] [--force]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadMigrations } from '../../server/db/migrator.ts';
import { RestoreError, restoreBackup, verifyArchive } from '../../server/modules/backups/restore.ts';
import { instancePaths } from './common.ts';

const USAGE = `Usage: scripts/restore.sh FILE [options]

Restores a backup written by scripts/backup.sh (or downloaded from Administration → Backups) into
a data directory. Kontor must be stopped. The archive is verified completely first (checksums of
every file against the manifest, PRAGMA integrity_check, row counts); the current data is moved to
<data dir>/replaced-<time>/, stale -wal/-shm files are removed, and the backed-up data moved in.

  --data-dir DIR     the instance's data directory (default: $KONTOR_DATA_DIR, else ./data)
  --backup-dir DIR   the backup folder, left in place when inside the data directory
                     (default: $KONTOR_BACKUP_DIR, else <data dir>/backups)
  --check            only verify the archive; changes nothing (Kontor may run)
  --force            restore a backup from a newer Kontor version (its migrations are unknown here)
  -h, --help         show this help

Exit status: 0 restored (or verified), 1 refused or failed, 2 usage.`;

function usage(message: string): never {
  console.error(`restore.sh: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      'backup-dir': { type: 'string' },
      check: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
try {
  parsed = parse();
} catch (err) {
  usage((err as Error).message);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) usage('give exactly one backup file');
const file = path.resolve(positionals[0] as string);
const { dataDir, backupDir } = instancePaths(values);
const summary = (m: { createdAt: string; kontorVersion: string; counts: Record<string, number>; files: unknown[] }) => {
  const rows = Object.values(m.counts).reduce((a, b) => a + b, 0);
  return `backup of ${m.createdAt} (Kontor ${m.kontorVersion}): ${rows} rows in ${Object.keys(m.counts).length} tables, ${m.files.length} file${m.files.length === 1 ? '' : 's'}`;
};

try {
  if (values.check) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-verify-'));
    try {
      const manifest = await verifyArchive(file, dir);
      console.log(`OK: ${file} is a complete ${summary(manifest)}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } else {
    const knownMigrations = (await loadMigrations()).map((m) => m.name);
    const result = await restoreBackup({
      file,
      dataDir,
      backupDir,
      knownMigrations,
      force: values.force,
      onStep: (message) => console.log(`==> ${message}`),
    });
    console.log(`Restored the ${summary(result.manifest)} into ${dataDir}.`);
    if (result.asideDir) console.log(`The data that was there before is in ${result.asideDir}.`);
    console.log('Start Kontor again, e.g. systemctl start kontor.');
  }
} catch (err) {
  const reason = err instanceof RestoreError ? err.message : `unexpected error: ${(err as Error).message}`;
  console.error(`Restore refused: ${reason}`);
  if (err instanceof RestoreError) console.error('Nothing was changed.');
  process.exitCode = 1;
}

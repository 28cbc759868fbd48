// scripts/backup.sh [--data-dir DIR] [--backup-dir DIR] [--out FILE] [--keep-daily N --keep-weekly M] [--kind KIND] [--quiet]
import { parseArgs } from 'node:util';
import { VERSION } from '../../server/core/paths.ts';
import { createBackup } from '../../server/modules/backups/backup.ts';
import { BACKUP_KINDS, type BackupKind } from '../../server/modules/backups/backup-names.ts';
import { pruneBackups } from '../../server/modules/backups/retention.ts';
import { becomeDataOwner, formatBytes, instancePaths, progressPrinter } from './common.ts';

const USAGE = `Usage: scripts/backup.sh [options]

Writes a consistent, verified backup of a Kontor instance, running or stopped: the database
(SQLite online backup, checked with PRAGMA integrity_check), documents/, imports/ and the other
files of the data directory, and a manifest (version, row counts, sha256 of every file), in one
tar.gz. It is written under a temporary name and renamed only when complete.

  --data-dir DIR     the instance's data directory (default: $KONTOR_DATA_DIR, else ./data)
  --backup-dir DIR   where backups are kept (default: $KONTOR_BACKUP_DIR, else <data dir>/backups);
                     the file is named kontor-<UTC time>-<kind>.tar.gz
  --out FILE         write exactly this file instead (retention does not apply)
  --keep-daily N     afterwards delete old backups in the backup folder, keeping the newest of each
                     of the last N days that have backups …
  --keep-weekly M    … and the newest of each of the last M weeks (either flag turns retention on;
                     the newest backup and the newest pre-upgrade backup are always kept)
  --kind KIND        manual (default) or scheduled (the nightly timer)
  --quiet            no progress lines
  -h, --help         show this help

Run as root, it switches to the owner of the data directory. Exit status: 0 written, 1 failed, 2 usage.`;

function usage(message: string): never {
  console.error(`backup.sh: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      'backup-dir': { type: 'string' },
      out: { type: 'string' },
      'keep-daily': { type: 'string' },
      'keep-weekly': { type: 'string' },
      kind: { type: 'string', default: 'manual' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (err) {
  usage((err as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const count = (name: string): number | undefined => {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) usage(`--${name} needs a whole number`);
  return Number(raw);
};
const keepDaily = count('keep-daily');
const keepWeekly = count('keep-weekly');
const kind = values.kind as BackupKind;
if (!BACKUP_KINDS.includes(kind)) usage(`--kind must be one of ${BACKUP_KINDS.join(', ')}`);
if (values.out && (keepDaily !== undefined || keepWeekly !== undefined)) usage('--out and retention do not go together');

const { dataDir, backupDir } = instancePaths(values as { 'data-dir'?: string; 'backup-dir'?: string });
becomeDataOwner(dataDir);

const abort = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => abort.abort());
const progress = progressPrinter();

try {
  const result = await createBackup({
    dataDir,
    backupDir,
    outFile: values.out as string | undefined,
    kind,
    kontorVersion: VERSION,
    signal: abort.signal,
    onProgress: values.quiet ? undefined : progress.update,
  });
  progress.end();
  const rows = Object.values(result.manifest.counts).reduce((a, b) => a + b, 0);
  const tables = Object.keys(result.manifest.counts).length;
  console.log(
    `Backup written: ${result.file} (${formatBytes(result.sizeBytes)}; ${rows} rows in ${tables} tables, ${result.manifest.files.length} file${result.manifest.files.length === 1 ? '' : 's'}; ${(result.durationMs / 1000).toFixed(1)} s)`,
  );
  for (const skipped of result.skipped) console.error(`warning: left out ${skipped} (neither a file nor a folder)`);
  if (keepDaily !== undefined || keepWeekly !== undefined) {
    const deleted = pruneBackups(backupDir, { keepDaily: keepDaily ?? 0, keepWeekly: keepWeekly ?? 0 });
    console.log(
      deleted.length
        ? `Retention (${keepDaily ?? 0} daily, ${keepWeekly ?? 0} weekly): deleted ${deleted.join(', ')}`
        : `Retention (${keepDaily ?? 0} daily, ${keepWeekly ?? 0} weekly): nothing to delete`,
    );
  }
} catch (err) {
  progress.end();
  console.error(`Backup failed: ${(err as Error).message}`);
  process.exitCode = abort.signal.aborted ? 130 : 1;
}

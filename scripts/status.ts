// npm run status [-- --json]: version, database size, counts, running or not, pending migrations, last backup.
import { ConfigError, loadConfig } from '../server/config.ts';
import { VERSION } from '../server/core/paths.ts';
import { loadMigrations } from '../server/db/migrator.ts';
import { instanceStatus } from '../server/modules/backups/instance-status.ts';
import { fail } from './cli.ts';
import { becomeDataOwner, formatBytes } from './ops/common.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) fail(`${err.message} (Kontor does not start with this configuration)`);
  throw err;
}
becomeDataOwner(config.dataDir);
const known = (await loadMigrations()).map((m) => m.name);
const s = await instanceStatus(config, VERSION, known);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(s, null, 2));
} else {
  const line = (label: string, value: string) => console.log(`${label.padEnd(16)} ${value}`);
  line('Kontor', s.version);
  line('Data directory', s.dataDir);
  line('Server', s.running ? 'running (holds the data directory lock)' : 'not running');
  if (!s.database.exists) line('Database', `none yet at ${s.database.file} (created at the first start)`);
  else {
    const wal = s.database.walBytes ? ` + ${formatBytes(s.database.walBytes)} WAL` : '';
    line('Database', `${s.database.file}, ${formatBytes(s.database.sizeBytes)}${wal}`);
  }
  if (s.counts) {
    line('Users', `${s.counts.users} (${s.counts.activeAdmins} active administrator${s.counts.activeAdmins === 1 ? '' : 's'})`);
    line('Contacts', String(s.counts.contacts));
    line('Companies', String(s.counts.companies));
    line('Deals', String(s.counts.deals));
  }
  const { applied, pending, unknown } = s.migrations;
  line(
    'Migrations',
    `${applied} applied, ${pending.length} pending${pending.length ? ` (${pending.join(', ')}; applied at the next start, after a backup)` : ''}`,
  );
  if (unknown.length) line('', `unknown to this version (the database is newer): ${unknown.join(', ')}`);
  const last = s.backups.last;
  line('Last backup', last ? `${last.createdAt} ${last.kind}, ${formatBytes(last.sizeBytes ?? 0)} (${last.id}.tar.gz)` : 'none');
  line('Backups', `${s.backups.count} in ${s.backups.directory}`);
  if (s.backups.lastFailure) line('Backup failure', `${s.backups.lastFailure.at}: ${s.backups.lastFailure.error}`);
}

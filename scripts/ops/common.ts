import fs from 'node:fs';
import path from 'node:path';
import type { BackupProgress } from '../../server/modules/backups/backup.ts';

/** The data and backup folders, from flags, else the environment (as the server reads it), else the defaults. */
export function instancePaths(flags: { 'data-dir'?: string; 'backup-dir'?: string }, env = process.env) {
  const dataDir = path.resolve(flags['data-dir'] ?? (env.KONTOR_DATA_DIR?.trim() || 'data'));
  const backupDir = path.resolve(flags['backup-dir'] ?? (env.KONTOR_BACKUP_DIR?.trim() || path.join(dataDir, 'backups')));
  return { dataDir, backupDir };
}

/**
 * Run as root, become the owner of the data directory (the service user) before touching it:
 * SQLite creates -wal/-shm files, and a root-owned one would lock the service out of its database.
 */
export function becomeDataOwner(dataDir: string): void {
  if (process.getuid?.() !== 0 || !fs.existsSync(dataDir)) return;
  const { uid, gid } = fs.statSync(dataDir);
  if (uid === 0) return;
  process.setgroups?.([gid]);
  process.setgid?.(gid);
  process.setuid?.(uid);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

const LABEL: Record<BackupProgress['phase'], string> = {
  database: 'database',
  files: 'files',
  archive: 'compressing',
  verify: 'verifying',
};

function describe(p: BackupProgress): string {
  const pct = p.total > 0 ? Math.floor((p.done / p.total) * 100) : 100;
  if (p.phase === 'database') return `${LABEL[p.phase]}: ${p.done}/${p.total} pages copied (${pct}%)`;
  if (p.phase === 'verify') return `${LABEL[p.phase]} the archive`;
  return `${LABEL[p.phase]}: ${formatBytes(p.done)} of ${formatBytes(p.total)} (${pct}%)`;
}

/**
 * A progress line: redrawn in place on a terminal; in a log (journal, pipe) one line per phase
 * and then at most every 10 % or 5 seconds, so big backups show they are moving without flooding.
 */
export function progressPrinter(out: NodeJS.WriteStream = process.stderr): {
  update(p: BackupProgress): void;
  end(): void;
} {
  let lastPhase = '';
  let lastPct = -1;
  let lastAt = 0;
  let drawn = false;
  return {
    update(p) {
      const pct = p.total > 0 ? Math.floor((p.done / p.total) * 100) : 100;
      const now = Date.now();
      if (out.isTTY) {
        if (now - lastAt < 100 && p.phase === lastPhase && pct < 100) return;
        out.write(`\r\x1b[K${describe(p)}`);
        drawn = true;
      } else {
        const due =
          p.phase !== lastPhase || (p.phase !== 'verify' && (pct >= lastPct + 10 || (now - lastAt > 5000 && pct !== lastPct)));
        if (!due) return;
        out.write(`${describe(p)}\n`);
        lastPct = pct;
      }
      lastPhase = p.phase;
      lastAt = now;
    },
    end() {
      if (drawn) out.write('\n');
      drawn = false;
    },
  };
}

/** Reads a password without echo on a terminal, or the first line of piped input. */
export async function askPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) {
      text += chunk;
      if (text.includes('\n')) break;
    }
    return text.split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          process.stderr.write('\n');
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** A new password: from --password-file, the given environment variable, or asked twice. */
export async function newPassword(opts: { file?: string; envVar: string; min: number }): Promise<string> {
  let password: string;
  if (opts.file) password = fs.readFileSync(opts.file, 'utf8').split(/\r?\n/)[0] ?? '';
  else if (process.env[opts.envVar]) password = process.env[opts.envVar] as string;
  else {
    password = await askPassword('New password: ');
    if (process.stdin.isTTY && (await askPassword('Repeat it: ')) !== password) throw new Error('the passwords differ');
  }
  if (password.length < opts.min) throw new Error(`the password needs at least ${opts.min} characters`);
  return password;
}

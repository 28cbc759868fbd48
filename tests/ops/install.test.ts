import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from './support.ts';

const INSTALL = path.join(ROOT, 'install.sh');
const SHELL_SCRIPTS = ['install.sh', 'scripts/backup.sh', 'scripts/restore.sh', 'scripts/ops/kontor.sh'];
const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const root = tempDir('kontor-install-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const at = (p: string) => path.join(root, p);
const read = (p: string) => fs.readFileSync(at(p), 'utf8');
const TEST_FLAGS = ['--root', root, '--no-systemd', '--no-start', '--skip-deps', '--reuse-node-modules', '--skip-build'];

describe('install.sh', () => {
  it.skipIf(!has('shellcheck'))('and the other shell scripts pass shellcheck', async () => {
    const res = await run('shellcheck', SHELL_SCRIPTS);
    expect(res.stdout + res.stderr).toBe('');
    expect(res.code).toBe(0);
  });

  it('explains every option', async () => {
    const res = await run(INSTALL, ['--help']);
    expect(res.code).toBe(0);
    const source = fs.readFileSync(INSTALL, 'utf8');
    const handled = [...source.matchAll(/^ {4}(--[a-z-]+)\)/gm)].map((m) => m[1] as string);
    expect(handled.length).toBeGreaterThan(20);
    for (const flag of handled) expect(res.stdout, flag).toContain(flag);
    expect((await run(INSTALL, ['--bogus'])).code).toBe(2);
  });

  it('installs into a throw-away root: config, units, data dir, admin command and the first admin', async () => {
    const password = at('admin-password');
    fs.writeFileSync(password, 'richtig-geheim-42\n');
    const res = await run(INSTALL, [
      ...TEST_FLAGS,
      '--admin-email',
      'admin@example.de',
      '--admin-name',
      'Anna Admin',
      '--admin-password-file',
      password,
      '--port',
      '3123',
      '--public-url',
      'https://crm.example.de',
      '--smtp-url',
      'smtp://kontor:p%40ss@mail.example.de:587',
    ]);
    expect(res.code, res.stderr + res.stdout).toBe(0);
    expect(res.stdout).toContain('Administrator admin@example.de created.');
    expect(res.stdout).toContain(
      'Kontor 0.1.0 is installed.'.replace('0.1.0', JSON.parse(read('opt/kontor/package.json')).version),
    );

    const env = read('etc/kontor/kontor.env');
    expect(fs.statSync(at('etc/kontor/kontor.env')).mode & 0o777).toBe(0o640);
    expect(env).toContain('PORT=3123\n');
    expect(env).toContain('KONTOR_PUBLIC_URL=https://crm.example.de\n');
    expect(env).toContain('KONTOR_SMTP_URL=smtp://kontor:p%40ss@mail.example.de:587\n');
    expect(env).toContain(`KONTOR_DATA_DIR=${at('var/lib/kontor')}\n`);
    expect(env).toContain(`KONTOR_BACKUP_DIR=${at('var/backups/kontor')}\n`);

    const unit = read('etc/systemd/system/kontor.service');
    for (const line of [
      'User=kontor',
      `EnvironmentFile=${at('etc/kontor/kontor.env')}`,
      `/dist/server/main.js`,
      'Restart=on-failure',
      'RestartPreventExitStatus=65 73 78',
      'StandardOutput=journal',
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
      `ReadWritePaths=${at('var/lib/kontor')} ${at('var/backups/kontor')}`,
    ]) {
      expect(unit).toContain(line);
    }
    expect(read('etc/systemd/system/kontor-backup.service')).toContain(
      `ExecStart=${at('opt/kontor/scripts/backup.sh')} --kind scheduled --keep-daily 7 --keep-weekly 4`,
    );
    expect(read('etc/systemd/system/kontor-backup.timer')).toMatch(/OnCalendar=\*-\*-\* 03:30:00[\s\S]*Persistent=true/);
    if (has('systemd-analyze')) {
      const units = ['kontor.service', 'kontor-backup.service', 'kontor-backup.timer'].map((u) => at(`etc/systemd/system/${u}`));
      const verify = await run('systemd-analyze', ['verify', ...units]);
      expect(verify.code, verify.stderr).toBe(0);
    }
    expect(fs.statSync(at('var/lib/kontor/kontor.db')).isFile()).toBe(true);

    const status = await run(at('usr/local/bin/kontor'), ['status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    const s = JSON.parse(status.stdout);
    expect(s).toMatchObject({ dataDir: at('var/lib/kontor'), running: false, counts: { users: 1, activeAdmins: 1 } });
    expect(s.migrations.pending).toEqual([]);
  }, 120_000);

  it('run again, upgrades in place: keeps config and data, backs up first, keeps the previous version', async () => {
    const envBefore = read('etc/kontor/kontor.env');
    const res = await run(INSTALL, TEST_FLAGS);
    expect(res.code, res.stderr + res.stdout).toBe(0);
    expect(res.stdout).toMatch(/==> Upgrading Kontor .* to /);
    expect(res.stdout).toContain('==> Keeping the configuration');
    expect(read('etc/kontor/kontor.env')).toBe(envBefore);
    expect(fs.existsSync(at('opt/kontor.previous/package.json'))).toBe(true);
    const backups = fs.readdirSync(at('var/backups/kontor'));
    expect(backups).toEqual([expect.stringMatching(/^kontor-\d{8}T\d{6}Z-pre-upgrade\.tar\.gz$/)]);

    const status = await run(at('usr/local/bin/kontor'), ['status']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/Users\s+1 \(1 active administrator\)/);
    expect(status.stdout).toMatch(/Last backup\s+\S+ pre-upgrade/);
  }, 120_000);
});

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Helpers for operations tests: real processes (server, shell scripts) on temporary folders. */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TSX_LOADER = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');

export function tempDir(prefix = 'kontor-ops-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end and collects its output. */
export function run(cmd: string, args: string[], opts: { env?: Record<string, string>; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, env: { ...process.env, ...opts.env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait; resolves to the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts the real server (`server/main.ts` under tsx) on 127.0.0.1 and a free port, and waits for
 * /api/health. Rejects with the server's output if it exits first.
 */
export async function startServer(opts: {
  dataDir: string;
  appDir?: string;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const started = launchServer({ ...opts, port: await freePort() });
  const { child, url, output, exited } = started;
  const deadline = Date.now() + 90_000;
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  while (!gone) {
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not come up:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (gone) throw new Error(`server exited (${child.exitCode}):\n${output()}`);
  return {
    url,
    child,
    output,
    async stop() {
      child.kill('SIGTERM');
      return (await exited).code;
    },
  };
}

/** Starts the server without waiting for it: for a start that is expected to fail. */
export function launchServer(opts: { dataDir: string; appDir?: string; env?: Record<string, string>; port?: number }) {
  const appDir = opts.appDir ?? ROOT;
  const port = opts.port ?? 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ['--import', TSX_LOADER, path.join(appDir, 'server', 'main.ts')], {
    cwd: appDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      KONTOR_DATA_DIR: opts.dataDir,
      KONTOR_PUBLIC_URL: `http://127.0.0.1:${port}`,
      KONTOR_RATE_LIMIT_PER_MINUTE: '1000000',
      KONTOR_SCHEDULER_TICK_SECONDS: '3600',
      LOG_LEVEL: 'info',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, url: `http://127.0.0.1:${port}`, output: () => out, exited };
}

export const BACKUP_SH = path.join(ROOT, 'scripts', 'backup.sh');
export const RESTORE_SH = path.join(ROOT, 'scripts', 'restore.sh');

#!/usr/bin/env node
// Builds what is stale: the server (tsc → dist/server, dist/migrations) and the SPA (vite → dist/web).
// `node scripts/build.mjs [server|web|all] [--if-needed]`. Plain JS so `npm start` needs no TypeScript runtime.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(dirs) {
  let latest = 0;
  const walk = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) {
      if (path.basename(p) === 'node_modules') return;
      for (const name of fs.readdirSync(p)) walk(path.join(p, name));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  for (const d of dirs) walk(path.join(root, d));
  return latest;
}

function stale(output, inputs) {
  const out = path.join(root, output);
  if (!fs.existsSync(out)) return true;
  return fs.statSync(out).mtimeMs < newest(inputs);
}

function run(cmd, args) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`build failed: ${cmd} ${args.join(' ')}`);
    process.exit(res.status ?? 1);
  }
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

export function buildServer(ifNeeded) {
  const marker = 'dist/server/main.js';
  if (ifNeeded && !stale(marker, ['server', 'migrations', 'package.json', 'tsconfig.json', 'tsconfig.build.json'])) return false;
  console.log('Building the server …');
  fs.rmSync(path.join(root, 'dist', 'server'), { recursive: true, force: true });
  fs.rmSync(path.join(root, 'dist', 'migrations'), { recursive: true, force: true });
  run(bin('tsc'), ['-p', 'tsconfig.build.json']);
  fs.utimesSync(path.join(root, marker), new Date(), new Date());
  return true;
}

export function buildWeb(ifNeeded) {
  const marker = 'dist/web/index.html';
  if (ifNeeded && !stale(marker, ['web', 'server/modules', 'package.json'])) return false;
  console.log('Building the web app …');
  run(bin('vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const what = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'all';
  const ifNeeded = process.argv.includes('--if-needed');
  if (!['server', 'web', 'all'].includes(what)) {
    console.error('usage: node scripts/build.mjs [server|web|all] [--if-needed]');
    process.exit(2);
  }
  if (what !== 'web') buildServer(ifNeeded);
  if (what !== 'server') buildWeb(ifNeeded);
}

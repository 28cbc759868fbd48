#!/usr/bin/env node
// npm run dev: the API with reload on change (tsx watch, port 3000) and the Vite dev server (port 5173) proxying /api.
import { spawn } from 'node:child_process';

const children = [
  spawn('node_modules/.bin/tsx', ['watch', '--clear-screen=false', 'server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, HOST: process.env.HOST ?? '127.0.0.1' },
  }),
  spawn('node_modules/.bin/vite', ['--config', 'web/vite.config.ts'], { stdio: 'inherit' }),
];
console.log('Kontor dev: open http://localhost:5173 (API on http://localhost:3000)');
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => code && stop());

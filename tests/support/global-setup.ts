import { spawnSync } from 'node:child_process';

// Browser tests need the built SPA: build it once per run, only when the sources are newer than the build.
export default function setup(): void {
  const res = spawnSync(process.execPath, ['scripts/build.mjs', 'web', '--if-needed'], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('web build failed');
}

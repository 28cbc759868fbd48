// npm run bench [-- <name filter>]
// Runs every benchmark in scripts/bench/*.ts (each exports `bench`) whose name contains the filter,
// one after another on fresh temporary databases, and prints its figures. Never part of npm test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench } from './bench/support.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench');
const filter = process.argv[2] ?? '';

const benches: Bench[] = [];
for (const file of fs.readdirSync(dir).sort()) {
  if (!file.endsWith('.ts') || file === 'support.ts') continue;
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { bench?: Bench };
  if (mod.bench?.name.includes(filter)) benches.push(mod.bench);
}
if (benches.length === 0) {
  console.error(`no benchmark matches "${filter}"`);
  process.exit(1);
}

console.log(`Kontor benchmarks · node ${process.version} · ${os.cpus().length} CPUs · ${os.cpus()[0]?.model ?? ''}`);
let failed = false;
for (const bench of benches) {
  console.log(`\n${bench.name}: ${bench.description}`);
  try {
    const result = await bench.run();
    for (const [key, value] of Object.entries(result)) console.log(`  ${key.padEnd(20)} ${value}`);
  } catch (err) {
    failed = true;
    console.error(`  failed: ${err instanceof Error ? err.stack : err}`);
  }
}
process.exit(failed ? 1 : 0);

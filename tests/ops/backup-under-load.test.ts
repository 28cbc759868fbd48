import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../support/app.ts';
import { BACKUP_SH, RESTORE_SH, run, type ServerProcess, startServer, tempDir } from './support.ts';

interface Sent {
  firstName: string;
  lastName: string;
  email: string;
  source: string;
}

const dirs: string[] = [];
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) if (s.child.exitCode === null) await s.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function post(url: string, token: string, body: unknown) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('a backup taken while writes go on', () => {
  it('restores exactly what was acknowledged before it began, consistent and intact; restore refuses while Kontor runs', async () => {
    const work = tempDir();
    dirs.push(work);
    const dataDir = path.join(work, 'data');
    const archive = path.join(work, 'under-load.tar.gz');
    const server = await startServer({ dataDir });
    servers.push(server);

    const setup = await post(`${server.url}/api/v1/setup`, '', {
      companyName: 'Fensterbau Müller GmbH',
      name: 'Max Müller',
      email: 'admin@example.de',
      password: 'richtig-geheim-42',
    });
    expect(setup.status, JSON.stringify(setup.body)).toBe(201);
    const token = setup.body.token as string;

    // Four writers create contacts until told to stop (bounded), remembering what was acknowledged.
    const acked = new Map<string, Sent>();
    let stop = false;
    let failures = 0;
    const writer = async (w: number) => {
      for (let i = 0; i < 400 && !stop; i++) {
        const sent: Sent = { firstName: `W${w}`, lastName: `Nr ${i}`, email: `w${w}.n${i}@example.de`, source: 'load' };
        const res = await post(`${server.url}/api/v1/contacts`, token, sent);
        if (res.status === 201) acked.set(res.body.id, sent);
        else failures++;
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    while (acked.size < 120) await new Promise((r) => setTimeout(r, 20));

    const before = new Set(acked.keys());
    const backup = await run(BACKUP_SH, ['--data-dir', dataDir, '--out', archive]);
    expect(backup.code, backup.stderr + backup.stdout).toBe(0);
    expect(backup.stderr).toMatch(/database: \d+\/\d+ pages copied/);
    const afterBackup = acked.size;
    while (acked.size < afterBackup + 40 && acked.size < 1600) await new Promise((r) => setTimeout(r, 20));
    stop = true;
    await Promise.all(writers);
    expect(failures).toBe(0);

    // While the server runs, restore refuses and changes nothing.
    const refused = await run(RESTORE_SH, [archive, '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Kontor is running on .*stop it first/);
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('replaced-'))).toEqual([]);

    expect(await server.stop()).toBe(0);

    const restoredDir = path.join(work, 'restored');
    const restore = await run(RESTORE_SH, [archive, '--data-dir', restoredDir]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(fs.existsSync(path.join(restoredDir, 'kontor.db-wal'))).toBe(false);

    const db = new SQLite(path.join(restoredDir, 'kontor.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const rows = db
        .prepare(`SELECT id, first_name AS firstName, last_name AS lastName, email, source FROM contacts WHERE source = 'load'`)
        .all() as (Sent & { id: string })[];
      const restored = new Map(rows.map(({ id, ...rest }) => [id, rest]));
      // every write acknowledged before the backup began is there …
      for (const id of before) expect(restored.has(id), `acknowledged contact ${id} is missing`).toBe(true);
      // … every restored row is one that was acknowledged, field for field (nothing torn or invented) …
      for (const [id, row] of restored) expect(row).toEqual(acked.get(id));
      // … writes after the backup are not (it is one snapshot, not a copy that kept going) …
      expect(restored.size).toBeLessThan(acked.size);
      // … and tables written in the same transactions agree (search index rows are kept by triggers).
      const docs = db.prepare(`SELECT count(*) FROM search_docs WHERE kind = 'contact'`).pluck().get();
      expect(docs).toBe(db.prepare('SELECT count(*) FROM contacts').pluck().get());
    } finally {
      db.close();
    }

    // The app starts on the restored folder with that data; even the old login token is valid there.
    const restoredApp = await buildTestApp({ dataDir: restoredDir });
    try {
      const someId = [...before][0] as string;
      const res = await restoredApp.app.inject({
        method: 'GET',
        url: `/api/v1/contacts/${someId}`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().email).toBe(acked.get(someId)?.email);
    } finally {
      await restoredApp.close({ keepData: true });
    }
  }, 180_000);
});

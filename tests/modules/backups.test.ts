import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createUser, type Session, setupAdmin } from '../support/factories.ts';

let t: TestApp;
let admin: Session;
let manager: Session;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setupAdmin(t);
  manager = await createUser(t, admin, { role: 'head' });
});
afterAll(() => t.close());

async function finished(): Promise<any> {
  for (let i = 0; i < 300; i++) {
    const res = await admin.api.get('/api/v1/backups');
    if (res.body.job?.state !== 'running') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('backup did not finish');
}

describe('backups API', () => {
  it('is for administrators only', async () => {
    expect((await new Api(t.app).get('/api/v1/backups')).status).toBe(401);
    expect((await manager.api.get('/api/v1/backups')).status).toBe(403);
    expect((await manager.api.post('/api/v1/backups', {})).status).toBe(403);
    expect((await manager.api.get('/api/v1/backups/kontor-20261128T033000Z-manual/download')).status).toBe(403);
    expect(fs.existsSync(t.config.backupDir)).toBe(false);
  });

  it('takes a backup in the background, one at a time, with progress, and lists it', async () => {
    const empty = await admin.api.get('/api/v1/backups');
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ directory: t.config.backupDir, items: [], job: null, lastFailure: null });

    const [first, second] = await Promise.all([admin.api.post('/api/v1/backups', {}), admin.api.post('/api/v1/backups', {})]);
    expect(first.status, first.text).toBe(202);
    expect(first.body).toMatchObject({ state: 'running', id: expect.stringMatching(/^kontor-\d{8}T\d{6}Z-manual$/) });
    expect(second.status).toBe(409);

    const done = await finished();
    expect(done.job).toMatchObject({ id: first.body.id, state: 'done', error: null, sizeBytes: expect.any(Number) });
    expect(done.items).toEqual([
      expect.objectContaining({
        id: first.body.id,
        kind: 'manual',
        state: 'ok',
        sizeBytes: done.job.sizeBytes,
        counts: expect.objectContaining({ users: 2, teams: expect.any(Number) }),
        fileCount: 1,
      }),
    ]);
  });

  it('downloads a backup as an attachment, by id only', async () => {
    const { items } = await finished();
    const id = items[0].id as string;
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/backups/${id}/download`,
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${id}.tar.gz"`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(res.rawPayload.length).toBe(items[0].sizeBytes);

    // Not a path: anything but a backup id of the folder is refused, links included.
    for (const bad of ['..%2F..%2Fetc%2Fpasswd', 'kontor.db', `${id}.tar.gz`, 'kontor-x-manual']) {
      expect((await admin.api.get(`/api/v1/backups/${bad}/download`)).status, bad).toBe(400);
    }
    expect((await admin.api.get('/api/v1/backups/kontor-20000101T000000Z-manual/download')).status).toBe(404);
    const link = 'kontor-20000101T000000Z-scheduled';
    fs.symlinkSync(path.join(t.dataDir, 'kontor.db'), path.join(t.config.backupDir, `${link}.tar.gz`));
    expect((await admin.api.get(`/api/v1/backups/${link}/download`)).status).toBe(404);
    fs.rmSync(path.join(t.config.backupDir, `${link}.tar.gz`));
  });

  it('shows the last failure until a backup succeeds', async () => {
    fs.writeFileSync(
      path.join(t.config.backupDir, '.last-failure.json'),
      JSON.stringify({ at: '2026-11-28T03:30:05.000Z', kind: 'scheduled', error: 'No space left on device' }),
    );
    expect((await admin.api.get('/api/v1/backups')).body.lastFailure).toEqual({
      at: '2026-11-28T03:30:05.000Z',
      kind: 'scheduled',
      error: 'No space left on device',
    });
    expect((await admin.api.post('/api/v1/backups', {})).status).toBe(202);
    const done = await finished();
    expect(done.lastFailure).toBeNull();
    expect(done.items).toHaveLength(2);
  });
});

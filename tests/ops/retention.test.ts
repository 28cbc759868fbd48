import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBackupId } from '../../server/modules/backups/backup-names.ts';
import { pruneBackups, selectKept, weekKey } from '../../server/modules/backups/retention.ts';
import { tempDir } from './support.ts';

// Days and weeks are local; the tests think in the customer's time zone wherever they run.
process.env.TZ = 'Europe/Berlin';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const id = (day: string, time = '120000', kind = 'scheduled', seq = '') => `kontor-${day}T${time}Z${seq}-${kind}`;
const candidate = (backupId: string) => ({
  id: backupId,
  ...(parseBackupId(backupId) as NonNullable<ReturnType<typeof parseBackupId>>),
});

describe('retention', () => {
  it('numbers ISO weeks (Monday first; week 1 holds the first Thursday)', () => {
    expect(weekKey(new Date(2026, 0, 1))).toBe('2026-W01');
    expect(weekKey(new Date(2024, 11, 30))).toBe('2025-W01');
    expect(weekKey(new Date(2027, 0, 3))).toBe('2026-W53');
    expect(weekKey(new Date(2026, 10, 28))).toBe('2026-W48');
  });

  it('keeps the newest per day for N days, per week for M weeks, the newest and the newest pre-upgrade', () => {
    // 40 nightly backups (Oct 20 – Nov 28), a second one on the last day, and an old pre-upgrade one
    const days = Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 9, 20 + i, 12)));
    const ids = days.map((d) => id(d.toISOString().slice(0, 10).replaceAll('-', '')));
    ids.push(id('20261128', '130000', 'manual'), id('20261001', '101500', 'pre-upgrade'));
    const kept = selectKept(ids.map(candidate), { keepDaily: 3, keepWeekly: 2 });
    expect([...kept].sort()).toEqual(
      [
        id('20261001', '101500', 'pre-upgrade'),
        id('20261122'), // newest of the week before (Sunday)
        id('20261126'),
        id('20261127'),
        id('20261128', '130000', 'manual'), // newest of the last day, and of this week
      ].sort(),
    );
  });

  it('never deletes the last backup nor files it did not write', () => {
    const names = [`${id('20261101')}.tar.gz`, `${id('20261102')}.tar.gz`, 'my-own-copy.tar.gz', 'notes.txt'];
    for (const n of names) fs.writeFileSync(path.join(dir, n), '');
    expect(pruneBackups(dir, { keepDaily: 0, keepWeekly: 0 })).toEqual([id('20261101')]);
    expect(fs.readdirSync(dir).sort()).toEqual([`${id('20261102')}.tar.gz`, 'my-own-copy.tar.gz', 'notes.txt']);
  });
});

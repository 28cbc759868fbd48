import fs from 'node:fs';
import path from 'node:path';
import { ARCHIVE_EXT, parseBackupId } from './backup-names.ts';

export interface RetentionPolicy {
  /** For each of the last N days that have backups, the newest backup of that day is kept. */
  keepDaily: number;
  /** For each of the last M weeks (ISO weeks) that have backups, the newest backup of that week is kept. */
  keepWeekly: number;
}

interface Candidate {
  id: string;
  createdAt: Date;
  kind: string;
  seq: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** ISO 8601 week (Monday first; week 1 holds the year's first Thursday), in local time. */
export function weekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  t.setUTCDate(t.getUTCDate() + 4 - (t.getUTCDay() || 7));
  const week = Math.ceil(((t.getTime() - Date.UTC(t.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${pad(week)}`;
}

/**
 * Which backups a policy keeps: the newest per day for the last `keepDaily` days with backups,
 * the newest per ISO week for the last `keepWeekly` weeks with backups, always the newest backup
 * (a prune never leaves no backup) and always the newest pre-upgrade backup (the way back to the
 * previous version's schema).
 */
export function selectKept(candidates: Candidate[], policy: RetentionPolicy): Set<string> {
  const newestFirst = [...candidates].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.seq - a.seq);
  const keep = new Set<string>();
  const bucket = (key: (d: Date) => string, limit: number) => {
    const seen = new Set<string>();
    for (const c of newestFirst) {
      const k = key(c.createdAt);
      if (seen.has(k)) continue;
      if (seen.size >= limit) break;
      seen.add(k);
      keep.add(c.id);
    }
  };
  bucket(dayKey, policy.keepDaily);
  bucket(weekKey, policy.keepWeekly);
  if (newestFirst[0]) keep.add(newestFirst[0].id);
  const upgrade = newestFirst.find((c) => c.kind === 'pre-upgrade');
  if (upgrade) keep.add(upgrade.id);
  return keep;
}

/** Deletes the backups in `dir` that the policy does not keep; files not named like Kontor backups are never touched. */
export function pruneBackups(dir: string, policy: RetentionPolicy): string[] {
  if (!fs.existsSync(dir)) return [];
  const candidates: Candidate[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith(ARCHIVE_EXT)) continue;
    const id = name.slice(0, -ARCHIVE_EXT.length);
    const parsed = parseBackupId(id);
    if (parsed) candidates.push({ id, ...parsed });
  }
  const keep = selectKept(candidates, policy);
  const deleted: string[] = [];
  for (const c of candidates) {
    if (keep.has(c.id)) continue;
    fs.rmSync(path.join(dir, c.id + ARCHIVE_EXT), { force: true });
    deleted.push(c.id);
  }
  return deleted.sort();
}

import type { Kysely, Transaction } from 'kysely';
import { instantOf, wallClock } from '../../core/business-hours.ts';
import type { DB } from '../../db/schema.ts';
import { getSetting } from '../settings/settings.repository.ts';
import { localDate } from './period.ts';
import type { WeeklySummary } from './report-settings.schemas.ts';
import { cancelOtherSlots, placeSlot, slotStatus, WEEKLY_PREFIX } from './weekly.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const SETTINGS_KEY = 'reports';
export const WEEKLY_DEFAULTS: WeeklySummary = { enabled: false, weekday: 1, time: '08:00' };

export async function getWeeklySettings(db: Db): Promise<WeeklySummary> {
  const stored = await getSetting<{ weeklySummary?: Partial<WeeklySummary> }>(db, SETTINGS_KEY);
  return { ...WEEKLY_DEFAULTS, ...stored?.value.weeklySummary };
}

/** The ISO week of a local date, e.g. 2026-W48 (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The first moment after `after` when the local clock shows the summary's weekday and time. */
export function nextOccurrence(s: WeeklySummary, after: Date, timeZone: string): Date {
  const w = wallClock(after, timeZone);
  const minutes = Number(s.time.slice(0, 2)) * 60 + Number(s.time.slice(3, 5));
  for (let days = 0; days <= 8; days++) {
    const day = new Date(Date.UTC(w.y, w.m - 1, w.d + days));
    const weekday = ((day.getUTCDay() + 6) % 7) + 1;
    if (weekday !== s.weekday) continue;
    const at = instantOf(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), minutes, timeZone);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new Error('no next weekly summary within eight days');
}

export const slotKeyOf = (due: Date, timeZone: string) => `${WEEKLY_PREFIX}${isoWeek(localDate(due, timeZone))}`;

/**
 * Makes the scheduler hold exactly the next summary (or none when off): the next weekday/time after
 * `now` in a week whose summary has not gone out yet. Pending summaries of other weeks are canceled.
 */
export async function reconcileWeeklySlot(db: Db, s: WeeklySummary, now: Date, timeZone: string): Promise<Date | null> {
  const stamp = now.toISOString();
  if (!s.enabled) {
    await cancelOtherSlots(db, null, stamp);
    return null;
  }
  let after = now;
  for (let i = 0; i < 3; i++) {
    const due = nextOccurrence(s, after, timeZone);
    const key = slotKeyOf(due, timeZone);
    const existing = await slotStatus(db, key);
    if (existing?.status === 'done' || existing?.status === 'failed') {
      after = due;
      continue;
    }
    await cancelOtherSlots(db, key, stamp);
    await placeSlot(db, key, due.toISOString(), stamp);
    return due;
  }
  return null;
}

import { instantOf, wallClock } from '../../core/business-hours.ts';

/**
 * A 5-field cron expression (minute hour day-of-month month weekday) evaluated in a time zone's wall
 * clock. node-cron only runs callbacks and cannot answer "which slot comes next", and the durable
 * scheduler needs exactly that. Semantics follow Vixie cron: when both day fields are restricted a day
 * matches either. Daylight saving: a wall time skipped in spring runs at the shifted instant (02:30 →
 * 03:30), a wall time repeated in autumn runs once (the first time).
 */
export interface Cron {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  dayStar: boolean;
  weekdayStar: boolean;
}

export class CronError extends Error {}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function field(text: string, min: number, max: number, names: string[] = [], nameBase = 0): Set<number> {
  const out = new Set<number>();
  const value = (raw: string): number => {
    const i = names.indexOf(raw.toLowerCase());
    if (i >= 0) return i + nameBase;
    if (!/^\d+$/.test(raw)) throw new CronError(`"${raw}" is not a number`);
    const n = Number(raw);
    if (n < min || n > max) throw new CronError(`${n} is outside ${min}–${max}`);
    return n;
  };
  for (const part of text.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined || range === undefined || range === '') throw new CronError(`"${part}" is not valid`);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || !/^\d+$/.test(stepText ?? '1')) throw new CronError(`bad step in "${part}"`);
    let lo: number;
    let hi: number;
    if (range === '*') [lo, hi] = [min, max];
    else if (range.includes('-')) {
      const [a, b, c] = range.split('-');
      if (c !== undefined || !a || !b) throw new CronError(`"${range}" is not a range`);
      [lo, hi] = [value(a), value(b)];
      if (lo > hi) throw new CronError(`"${range}" runs backwards`);
    } else {
      lo = value(range);
      hi = stepText === undefined ? lo : max;
    }
    for (let n = lo; n <= hi; n += step) out.add(n);
  }
  return out;
}

export function parseCron(expr: string): Cron {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) throw new CronError('a cron expression has 5 fields: minute hour day month weekday');
  const [mi, h, dom, mon, dow] = parts as [string, string, string, string, string];
  const weekdays = field(dow, 0, 7, DAYS);
  if (weekdays.delete(7)) weekdays.add(0);
  return {
    minutes: field(mi, 0, 59),
    hours: field(h, 0, 23),
    days: field(dom, 1, 31),
    months: field(mon, 1, 12, MONTHS, 1),
    weekdays,
    dayStar: dom === '*' || dom.startsWith('*/'),
    weekdayStar: dow === '*' || dow.startsWith('*/'),
  };
}

function dayMatches(c: Cron, y: number, m: number, d: number): boolean {
  if (!c.months.has(m)) return false;
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const byDay = c.days.has(d);
  const byWeekday = c.weekdays.has(weekday);
  if (c.dayStar && c.weekdayStar) return true;
  if (c.dayStar) return byWeekday;
  if (c.weekdayStar) return byDay;
  return byDay || byWeekday;
}

const SEARCH_DAYS = 366 * 8; // long enough for "29 February on a Monday"

/** The slots of one local day, as instants, in wall-clock order. */
function slotsOfDay(c: Cron, y: number, m: number, d: number, timeZone: string): Date[] {
  const out: Date[] = [];
  for (const h of [...c.hours].sort((a, b) => a - b))
    for (const mi of [...c.minutes].sort((a, b) => a - b)) out.push(instantOf(y, m, d, h * 60 + mi, timeZone));
  return out;
}

/** The first slot strictly after `after`. */
export function nextSlot(c: Cron, after: Date, timeZone = 'Europe/Berlin'): Date {
  const w = wallClock(after, timeZone);
  for (let i = -1; i <= SEARCH_DAYS; i++) {
    const day = new Date(Date.UTC(w.y, w.m - 1, w.d + i));
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    if (!dayMatches(c, y, m, d)) continue;
    const hit = slotsOfDay(c, y, m, d, timeZone).find((t) => t.getTime() > after.getTime());
    if (hit) return hit;
  }
  throw new CronError('the expression never matches');
}

/** The latest slot at or before `at`, or null when there is none within the search range. */
export function previousSlot(c: Cron, at: Date, timeZone = 'Europe/Berlin'): Date | null {
  const w = wallClock(at, timeZone);
  for (let i = 1; i >= -SEARCH_DAYS; i--) {
    const day = new Date(Date.UTC(w.y, w.m - 1, w.d + i));
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    if (!dayMatches(c, y, m, d)) continue;
    const hit = slotsOfDay(c, y, m, d, timeZone)
      .reverse()
      .find((t) => t.getTime() <= at.getTime());
    if (hit) return hit;
  }
  return null;
}

import { instantOf, wallClock } from '../../core/business-hours.ts';
import type { Clock } from '../../core/clock.ts';
import { invalid } from '../../http/errors.ts';

/**
 * A report's period: whole local days `from` … `to` (inclusive) in the company's time zone, and the
 * UTC instants [start, end) that SQL compares timestamps with.
 */
export interface Period {
  from: string;
  to: string;
  timeZone: string;
  start: string;
  end: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_YEARS = 20;

function parts(date: string): { y: number; m: number; d: number } | null {
  const match = DATE.exec(date);
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return { y, m, d };
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (p: { y: number; m: number; d: number }) => `${p.y}-${pad(p.m)}-${pad(p.d)}`;

function addDays(p: { y: number; m: number; d: number }, days: number) {
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** The local calendar day of an instant, YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return iso(w);
}

/** The UTC instant at which the local day `date` begins. */
export function dayStart(date: string, timeZone: string): string {
  const p = parts(date) as { y: number; m: number; d: number };
  return instantOf(p.y, p.m, p.d, 0, timeZone).toISOString();
}

/**
 * Reads ?from&to (YYYY-MM-DD, inclusive). Left out, `to` is today and `from` the first day of the month
 * eleven months back: the last twelve months. A bad date or from after to is a 400 naming the parameter.
 */
export function resolvePeriod(query: { from?: string; to?: string }, clock: Clock, timeZone: string): Period {
  const today = parts(localDate(clock.now(), timeZone)) as { y: number; m: number; d: number };
  const to = query.to === undefined ? today : parts(query.to);
  if (!to) throw invalid('to', 'must be a date YYYY-MM-DD');
  let from: { y: number; m: number; d: number } | null;
  if (query.from === undefined) {
    const back = new Date(Date.UTC(to.y, to.m - 1 - 11, 1));
    from = { y: back.getUTCFullYear(), m: back.getUTCMonth() + 1, d: 1 };
  } else from = parts(query.from);
  if (!from) throw invalid('from', 'must be a date YYYY-MM-DD');
  if (iso(from) > iso(to)) throw invalid('from', 'must not be after to');
  if (to.y - from.y > MAX_YEARS) throw invalid('from', `the period may span at most ${MAX_YEARS} years`);
  const next = addDays(to, 1);
  return {
    from: iso(from),
    to: iso(to),
    timeZone,
    start: instantOf(from.y, from.m, from.d, 0, timeZone).toISOString(),
    end: instantOf(next.y, next.m, next.d, 0, timeZone).toISOString(),
  };
}

/** Every month the period touches, YYYY-MM, oldest first. */
export function monthsOf(period: Pick<Period, 'from' | 'to'>): string[] {
  const months: string[] = [];
  let [y, m] = [Number(period.from.slice(0, 4)), Number(period.from.slice(5, 7))];
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${pad(m)}`;
    months.push(key);
    if (key >= last) return months;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

/** The UTC instants of the local month `YYYY-MM`. */
export function monthBounds(month: string, timeZone: string): { start: string; end: string } {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const next = m === 12 ? { y: y + 1, m: 1 } : { y, m: m + 1 };
  return {
    start: instantOf(y, m, 1, 0, timeZone).toISOString(),
    end: instantOf(next.y, next.m, 1, 0, timeZone).toISOString(),
  };
}

/** The period cut into its months (the first and last only as far as the period goes), for SQL ranges. */
export function monthBuckets(period: Period): { key: string; start: string; end: string }[] {
  return monthsOf(period).map((key) => {
    const b = monthBounds(key, period.timeZone);
    // ISO timestamps of one format compare as text
    const [start, end] = [[b.start, period.start].sort()[1] as string, [b.end, period.end].sort()[0] as string];
    return { key, start, end };
  });
}

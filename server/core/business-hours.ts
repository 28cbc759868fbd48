/**
 * Business-hours arithmetic in a time zone (default Europe/Berlin), correct across daylight-saving
 * changes: wall-clock times are converted with Intl, never by adding fixed offsets.
 */

export interface BusinessHours {
  enabled: boolean;
  timeZone: string;
  /** Opening hours per ISO weekday (1 = Monday … 7 = Sunday) as [from, to] "HH:MM" ranges. */
  days: Record<string, [string, string][]>;
  /** Closed days, YYYY-MM-DD in the time zone. */
  holidays: string[];
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = {
  enabled: false,
  timeZone: 'Europe/Berlin',
  days: {
    '1': [['09:00', '18:00']],
    '2': [['09:00', '18:00']],
    '3': [['09:00', '18:00']],
    '4': [['09:00', '18:00']],
    '5': [['09:00', '18:00']],
  },
  holidays: [],
};

interface Wall {
  y: number;
  m: number;
  d: number;
  minutes: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall-clock reading of an instant in a time zone. */
export function wallClock(instant: Date, timeZone: string): Wall & { seconds: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    y: Number(parts.year),
    m: Number(parts.month),
    d: Number(parts.day),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    seconds: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday as string] as number,
  };
}

/** The instant at which the wall clock in `timeZone` shows the given local date and minute of day. */
export function instantOf(y: number, m: number, d: number, minutes: number, timeZone: string): Date {
  const guess = Date.UTC(y, m - 1, d, Math.floor(minutes / 60), minutes % 60);
  // Two corrections find the offset valid at that local time (also across a DST switch).
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(new Date(t), timeZone);
    const shown = Date.UTC(w.y, w.m - 1, w.d, Math.floor(w.minutes / 60), w.minutes % 60);
    t += guess - shown;
  }
  return new Date(t);
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const dateKey = (w: { y: number; m: number; d: number }) =>
  `${w.y}-${String(w.m).padStart(2, '0')}-${String(w.d).padStart(2, '0')}`;

function nextDay(w: { y: number; m: number; d: number }) {
  const t = new Date(Date.UTC(w.y, w.m - 1, w.d + 1));
  const weekday = ((t.getUTCDay() + 6) % 7) + 1;
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), weekday };
}

/**
 * `start` plus `minutes` of working time. With business hours off it is plain clock time.
 * Example: Friday 18:55 plus 15 minutes with Mon–Fri 09:00–18:00 is Monday 09:15.
 */
export function addBusinessMinutes(start: Date, minutes: number, hours: BusinessHours): Date {
  if (!hours.enabled) return new Date(start.getTime() + minutes * 60_000);
  const holidays = new Set(hours.holidays);
  const now = wallClock(start, hours.timeZone);
  let day = { y: now.y, m: now.m, d: now.d, weekday: now.weekday };
  let from = now.minutes + (now.seconds > 0 ? 1 : 0);
  let left = minutes;
  for (let guard = 0; guard < 3700; guard++) {
    const ranges = holidays.has(dateKey(day)) ? [] : (hours.days[String(day.weekday)] ?? []);
    for (const [a, b] of ranges) {
      const open = Math.max(toMinutes(a), from);
      const close = toMinutes(b);
      if (open >= close) continue;
      if (open + left <= close) return instantOf(day.y, day.m, day.d, open + left, hours.timeZone);
      left -= close - open;
    }
    day = nextDay(day);
    from = 0;
  }
  throw new Error('business hours have no open time within ten years');
}

import type { TFunction } from 'i18next';

export type TimeUnit = 'minutes' | 'hours' | 'days';
export const UNIT_MINUTES: Record<TimeUnit, number> = { minutes: 1, hours: 60, days: 1440 };

/** Minutes as the largest whole unit: 2880 → 2 days, 90 → 90 minutes. */
export function splitMinutes(minutes: number): { amount: number; unit: TimeUnit } {
  const abs = Math.abs(minutes);
  if (abs !== 0 && abs % 1440 === 0) return { amount: abs / 1440, unit: 'days' };
  if (abs !== 0 && abs % 60 === 0) return { amount: abs / 60, unit: 'hours' };
  return { amount: abs, unit: 'minutes' };
}

/** "2 Tage", "90 Minuten" in the UI language. */
export function formatDuration(t: TFunction, minutes: number): string {
  const { amount, unit } = splitMinutes(minutes);
  return t(`automation.units.${unit}Count`, { count: amount });
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const num = (s: string, max: number) => (/^\d+$/.test(s) && Number(s) <= max ? Number(s) : null);
const pad = (n: number) => String(n).padStart(2, '0');

/** Whether a cron expression has the five fields the scheduler takes (minute hour day month weekday). */
export function isCron(expr: string): boolean {
  const parts = expr.trim().split(/\s+/);
  return parts.length === 5 && parts.every((p) => /^[\d*/,-]+$/.test(p));
}

/** The common cron shapes in words ("täglich um 08:00"); null for anything else. */
export function describeCron(t: TFunction, expr: string): string | null {
  if (!isCron(expr)) return null;
  const [mi = '', h = '', dom = '', mon = '', dow = ''] = expr.trim().split(/\s+/);
  const every = /^\*\/(\d+)$/.exec(mi);
  if (every && h === '*' && dom === '*' && mon === '*' && dow === '*')
    return t('automation.cron.everyMinutes', { count: Number(every[1]) });
  const minute = num(mi, 59);
  if (minute !== null && h === '*' && dom === '*' && mon === '*' && dow === '*')
    return t('automation.cron.hourly', { minute: pad(minute) });
  const hour = num(h, 23);
  if (minute === null || hour === null || mon !== '*') return null;
  const time = `${pad(hour)}:${pad(minute)}`;
  if (dom === '*' && dow === '*') return t('automation.cron.daily', { time });
  if (dom === '*' && dow === '1-5') return t('automation.cron.weekdays', { time });
  const day = num(dow, 7);
  if (dom === '*' && day !== null)
    return t('automation.cron.weekly', { time, day: t(`automation.weekdays.${WEEKDAYS[day % 7] ?? 'mon'}`) });
  const date = num(dom, 31);
  if (date !== null && dow === '*') return t('automation.cron.monthly', { time, day: date });
  return null;
}

export const CRON_PRESETS = ['0 8 * * *', '0 8 * * 1-5', '0 8 * * 1', '0 8 1 * *', '0 * * * *'] as const;

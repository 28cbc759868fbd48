import type { TFunction } from 'i18next';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** A time span as "3 Tage 4 Std." / "3 days 4 hrs": the two largest units, minutes below an hour. */
export function formatDuration(t: TFunction, seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const days = Math.floor(s / DAY);
  const hours = Math.floor((s % DAY) / HOUR);
  if (days > 0)
    return hours > 0
      ? `${t('deals.duration.days', { count: days })} ${t('deals.duration.hours', { count: hours })}`
      : t('deals.duration.days', { count: days });
  if (hours > 0) return t('deals.duration.hours', { count: hours });
  if (s < 60) return t('deals.duration.lessThanMinute');
  return t('deals.duration.minutes', { count: Math.floor(s / 60) });
}

/** "Anna Schmidt" → "AS"; one name → its first two letters. */
export function initials(name: string | null | undefined): string {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  if (parts.length === 1) return (parts[0] ?? '').slice(0, 2).toUpperCase();
  return `${parts[0]?.[0] ?? ''}${parts.at(-1)?.[0] ?? ''}`.toUpperCase();
}

/** Euros as typed (a number) to cents, exactly: 33.33 → 3333. */
export function eurosToCents(euros: number | string | null | undefined): number | null {
  if (euros === null || euros === undefined || euros === '') return null;
  const value = typeof euros === 'number' ? euros : Number(euros);
  return Number.isFinite(value) ? Math.round(value * 100) : null;
}

export function centsToEuros(cents: number | null | undefined): number | '' {
  return cents === null || cents === undefined ? '' : cents / 100;
}

/** Today in the browser's time zone as YYYY-MM-DD. */
export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

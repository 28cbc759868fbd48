import { intlLocale } from '../../i18n/format.ts';

const DAY = 86_400_000;

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

export function formatTime(value: string | Date): string {
  return new Intl.DateTimeFormat(intlLocale(), { hour: '2-digit', minute: '2-digit' }).format(new Date(value));
}

/**
 * A due time as people say it: "heute, 14:30", "morgen, 09:00", "Mo., 30.11., 09:00" within the week,
 * else "28.11.2026, 10:15".
 */
export function formatDue(value: string, now = new Date()): string {
  const date = new Date(value);
  const days = Math.round((startOfDay(date) - startOfDay(now)) / DAY);
  const time = formatTime(date);
  if (Math.abs(days) <= 1) {
    const word = new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto' }).format(days, 'day');
    return `${word.charAt(0).toLocaleUpperCase()}${word.slice(1)}, ${time}`;
  }
  if (days > 1 && days < 7) {
    const day = new Intl.DateTimeFormat(intlLocale(), { weekday: 'short', day: '2-digit', month: '2-digit' }).format(date);
    return `${day}, ${time}`;
  }
  return new Intl.DateTimeFormat(intlLocale(), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/** Picker values ("YYYY-MM-DD HH:mm:ss", local time) to and from ISO instants. */
export function toPickerValue(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:00`;
}

export function fromPickerValue(value: string | null): string | null {
  if (!value) return null;
  const date = new Date(value.replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** A server time shown relative to the browser's clock: a little ahead (clock skew) still reads "now". */
export function notInFuture(iso: string, now = Date.now()): string {
  return Date.parse(iso) > now ? new Date(now).toISOString() : iso;
}

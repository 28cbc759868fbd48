import { intlLocale } from '../../i18n/format.ts';

/** "Mo., 30.11." */
export function formatDayHeader(date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(), { weekday: 'short', day: '2-digit', month: '2-digit' }).format(date);
}

/** "Montag, 30. November 2026" */
export function formatLongDay(date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** "30.11.2026" */
export function formatShortDate(date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/** "Mo., 30.11., 10:30" — a slot, for screen reader announcements. */
export function formatSlot(date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(), {
    weekday: 'short',
    day: '2-digit',
    month: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

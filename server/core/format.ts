import type { Locale } from '../db/schema.ts';

// Numbers, money and times in server-written text (documents, notifications, e-mails), as the reader
// writes them: de-DE or en-GB, in the company's time zone. Plain spaces, so text and PDFs match.

const tag = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'de-DE');
const clean = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

export function formatMoney(cents: number, currency: string, locale: Locale): string {
  return clean(new Intl.NumberFormat(tag(locale), { style: 'currency', currency }).format(cents / 100));
}

export function formatNumber(value: number, locale: Locale): string {
  return clean(new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 4 }).format(value));
}

/** A date (YYYY-MM-DD or ISO time) without the time. */
export function formatDate(iso: string | null, locale: Locale): string {
  if (!iso) return '';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeZone: 'Europe/Berlin' }).format(d);
}

export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  return clean(
    new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(
      new Date(iso),
    ),
  );
}

/** A span of time in days, hours and minutes, e.g. "2 T 3 Std" / "2 d 3 h". */
export function formatDuration(seconds: number | null, locale: Locale): string {
  const u = locale === 'en' ? { d: 'd', h: 'h', m: 'min' } : { d: 'T', h: 'Std', m: 'Min' };
  const m = Math.round((seconds ?? 0) / 60);
  if (m >= 1440) return `${Math.floor(m / 1440)} ${u.d} ${Math.floor((m % 1440) / 60)} ${u.h}`;
  if (m >= 60) return `${Math.floor(m / 60)} ${u.h} ${m % 60} ${u.m}`;
  return `${m} ${u.m}`;
}

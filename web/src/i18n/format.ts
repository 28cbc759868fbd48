import { currentLanguage } from './index.ts';

const LOCALES = { de: 'de-DE', en: 'en-GB' } as const;

/** The Intl locale of the current UI language: de → de-DE, en → en-GB. */
export function intlLocale(): string {
  return LOCALES[currentLanguage()];
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(), options).format(value);
}

function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Money from minor units: formatMoney(123456) → "1.234,56 €" (de) or "€1,234.56" (en). */
export function formatMoney(cents: number, currency = 'EUR'): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency }).format(cents / 10 ** digits);
}

function toDate(value: string | Date): Date | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A date: "28.11.2026" (de) or "28/11/2026" (en). Plain YYYY-MM-DD dates stay on their calendar day. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = toDate(dateOnly ? `${value}T00:00:00` : value);
  if (!date) return '';
  return new Intl.DateTimeFormat(intlLocale(), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/** A moment in the user's time zone: "28.11.2026, 10:15" (de) or "28/11/2026, 10:15" (en). */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = toDate(value);
  if (!date) return '';
  return new Intl.DateTimeFormat(intlLocale(), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

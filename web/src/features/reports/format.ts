import type { TFunction } from 'i18next';
import { formatNumber, intlLocale } from '../../i18n/format.ts';

/** A share (0.667) as "66,7 %" / "66.7%"; null as a dash. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined) return '–';
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** Cents as a short amount for chart axes: "12 T €" / "€12K". */
export function formatMoneyShort(cents: number): string {
  return new Intl.NumberFormat(intlLocale(), {
    style: 'currency',
    currency: 'EUR',
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(cents / 100);
}

/** Minutes as the unit that reads best: "12 Min.", "2,5 Std.", "1,3 Tage"; null as a dash. */
export function formatMinutes(t: TFunction, minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '–';
  const n = (value: number) => formatNumber(value, { maximumFractionDigits: 1 });
  if (minutes < 60) return t('reports.units.minutes', { value: n(minutes) });
  if (minutes < 1440) return t('reports.units.hours', { value: n(minutes / 60) });
  return t('reports.units.days', { value: n(minutes / 1440) });
}

export function formatDays(t: TFunction, days: number | null | undefined): string {
  if (days === null || days === undefined) return '–';
  return t('reports.units.days', { value: formatNumber(days, { maximumFractionDigits: 1 }) });
}

/** "2026-11" as "Nov. 26" / "Nov 26" for axes, or "November 2026" in full. */
export function formatMonth(month: string, style: 'short' | 'long' = 'short'): string {
  const date = new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
  return new Intl.DateTimeFormat(
    intlLocale(),
    style === 'short' ? { month: 'short', year: '2-digit' } : { month: 'long', year: 'numeric' },
  ).format(date);
}

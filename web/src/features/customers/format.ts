import { formatDate, intlLocale } from '../../i18n/format.ts';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
];

/** "vor 5 Minuten", "gestern", "vor 3 Tagen"; after two weeks the date itself. */
export function formatRelative(value: string | null | undefined, now = Date.now()): string {
  if (!value) return '';
  const at = Date.parse(value);
  if (Number.isNaN(at)) return '';
  const seconds = Math.round((at - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs >= 14 * 24 * 60 * 60) return formatDate(value);
  const rtf = new Intl.RelativeTimeFormat(intlLocale(), { numeric: 'auto' });
  if (abs < 60) return rtf.format(0, 'minute');
  let unit: Intl.RelativeTimeFormatUnit = 'minute';
  let size = 60;
  for (const [name, length] of UNITS) {
    if (abs >= length) {
      unit = name;
      size = length;
    }
  }
  return rtf.format(Math.round(seconds / size), unit);
}

/** "Hauptstraße 12, 80331 München, DE" from the parts that are filled. */
export function formatAddress(address: {
  street: string | null;
  zip: string | null;
  city: string | null;
  country: string | null;
}): string {
  const place = [address.zip, address.city].filter(Boolean).join(' ');
  return [address.street, place, address.country].filter(Boolean).join(', ');
}

import { foldName } from '../../core/similarity.ts';
import type { FieldError } from '../../http/errors.ts';
import { type Cell, cellText, customValueOf, splitTags } from './cell-values.ts';
import type { ResolvedMapping, StandardField } from './mapping.ts';

/** One file row read through the mapping: the non-empty values by field, ready to become API input. */
export interface RowValues {
  text: Partial<Record<StandardField, string>>;
  tags: string[] | undefined;
  customFields: Record<string, unknown>;
}

export function readRow(cells: Cell[], mapping: ResolvedMapping): RowValues {
  const text: RowValues['text'] = {};
  for (const [field, { index }] of mapping.fields) {
    const value = cellText(cells[index] ?? null);
    if (value !== '') text[field] = value;
  }
  const customFields: Record<string, unknown> = {};
  for (const { def, index } of mapping.custom) {
    const value = customValueOf(def, cells[index] ?? null);
    if (value !== undefined) customFields[def.key] = value;
  }
  if (text.email) text.email = text.email.toLowerCase();
  if (text.country) text.country = countryCode(text.country);
  return { text, tags: text.tags ? splitTags(text.tags) : undefined, customFields };
}

const COUNTRIES: Record<string, string> = {
  deutschland: 'DE',
  germany: 'DE',
  brd: 'DE',
  osterreich: 'AT',
  austria: 'AT',
  schweiz: 'CH',
  switzerland: 'CH',
  liechtenstein: 'LI',
  luxemburg: 'LU',
  luxembourg: 'LU',
  niederlande: 'NL',
  netherlands: 'NL',
  holland: 'NL',
  belgien: 'BE',
  belgium: 'BE',
  frankreich: 'FR',
  france: 'FR',
  italien: 'IT',
  italy: 'IT',
  spanien: 'ES',
  spain: 'ES',
  polen: 'PL',
  poland: 'PL',
  tschechien: 'CZ',
  czechia: 'CZ',
  danemark: 'DK',
  denmark: 'DK',
  grossbritannien: 'GB',
  vereinigteskonigreich: 'GB',
  unitedkingdom: 'GB',
  uk: 'GB',
  england: 'GB',
  usa: 'US',
  vereinigtestaaten: 'US',
  unitedstates: 'US',
};

/** "Deutschland", "Österreich", "Schweiz" … as their ISO codes; anything else as it is (the schema then checks it). */
export function countryCode(text: string): string {
  if (/^[a-z]{2}$/i.test(text)) return text.toUpperCase();
  return COUNTRIES[foldName(text).replace(/ /g, '')] ?? text;
}

/** Field errors named after the file's columns, so a user knows which cell to fix. */
export function describeErrors(errors: FieldError[], mapping: ResolvedMapping): string {
  const headerOf = (path: string): string | undefined => {
    const custom = /^customFields\.(.+)$/.exec(path);
    if (custom) return mapping.custom.find((c) => c.def.key === custom[1])?.header;
    const field = path.startsWith('address.') ? path.slice('address.'.length) : path;
    return mapping.fields.get(field as StandardField)?.header;
  };
  return errors
    .map((e) => {
      const header = headerOf(e.path);
      return header ? `${header}: ${e.message}` : `${e.path}: ${e.message}`;
    })
    .join('; ');
}

import { roundHalfAwayFromZero } from '../../core/money.ts';
import type { CustomFieldRow } from '../../db/schema.ts';

/** One cell as a file gives it: CSV cells are text, XLSX cells may be numbers, dates or booleans. */
export type Cell = string | number | boolean | Date | null;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isoDateOf(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const NEUTRALISED = /^'[=+\-@\t\r]/;

/**
 * A cell as trimmed text; '' when empty. Dates without time become YYYY-MM-DD. A leading apostrophe
 * that an export put before a formula character is dropped again, so exports re-import cleanly.
 */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    return cell.getUTCHours() + cell.getUTCMinutes() + cell.getUTCSeconds() === 0 ? isoDateOf(cell) : cell.toISOString();
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const text = cell.trim();
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/**
 * Numbers as people write them: "1.234,50" and "1234,5" (German), "1,234.50" and "1234.50" (English),
 * "-12", "1 234,50 €". A single dot followed by exactly three digits is a German thousands separator.
 */
export function parseNumber(text: string): number | null {
  let s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/€|EUR|\$|CHF/gi, '');
  if (!/^[+-]?[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const negative = s.startsWith('-');
  s = s.replace(/^[+-]/, '');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    s = s.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    s = s.split(',').length > 2 ? s.split(',').join('') : s.replace(',', '.');
  } else if (lastDot >= 0) {
    const parts = s.split('.');
    if (parts.length > 2 || /^[1-9]\d{0,2}\.\d{3}$/.test(s)) s = parts.join('');
  }
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return negative ? -n : n;
}

/**
 * An amount in a cell ("1.234,50 €", "1234.50", an XLSX number) as whole cents, rounded half away from
 * zero; null when the cell holds no number.
 */
export function parseCents(cell: Cell): number | null {
  const n = typeof cell === 'number' ? cell : parseNumber(cellText(cell));
  if (n === null || !Number.isFinite(n)) return null;
  // scaled through the decimal string, so 1.005 is 100.5 cents (then 101), not 100.49999…
  const scaled = Number(`${n}e2`);
  return roundHalfAwayFromZero(Number.isFinite(scaled) ? scaled : n * 100);
}

const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const GERMAN_DATETIME = /^(\d{1,2})\.(\d{1,2})\.(\d{4})[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

/** "31.12.2025", "31.12.25", "2025-12-31" or a date cell → "2025-12-31"; anything else is returned as it is. */
export function parseDate(cell: Cell): unknown {
  if (cell instanceof Date) return isoDateOf(cell);
  const text = cellText(cell);
  const de = GERMAN_DATE.exec(text);
  if (de) return `${pad(fullYear(de[3] as string), 4)}-${pad(Number(de[2]))}-${pad(Number(de[1]))}`;
  const iso = ISO_DATE.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  return text;
}

/** Minutes Europe/Berlin is ahead of UTC at that instant (60 or 120). */
function berlinOffsetMinutes(utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - utcMs) / 60_000);
}

/** A wall-clock time in Germany (carried in a Date's UTC fields) as the instant it names. */
function fromBerlinWallClock(wall: number): string {
  return new Date(wall - berlinOffsetMinutes(wall) * 60_000).toISOString();
}

/**
 * "31.12.2025 14:30" or an XLSX date-time cell (both German local time, as exports write them),
 * or ISO 8601 → ISO 8601 in UTC; anything else is returned as it is.
 */
export function parseDateTime(cell: Cell): unknown {
  if (cell instanceof Date) return fromBerlinWallClock(cell.getTime());
  const text = cellText(cell);
  const de = GERMAN_DATETIME.exec(text);
  if (de) {
    const [, d, m, y, h, min, sec] = de.map(Number) as number[];
    return fromBerlinWallClock(Date.UTC(y as number, (m as number) - 1, d, h, min, sec || 0));
  }
  if (GERMAN_DATE.test(text)) return fromBerlinWallClock(Date.parse(`${parseDate(text)}T00:00:00.000Z`));
  return text;
}

const TRUE = new Set(['ja', 'j', 'yes', 'y', 'x', 'true', 'wahr', '1', '✓', '✔']);
const FALSE = new Set(['nein', 'n', 'no', 'false', 'falsch', '0', '-']);

export function parseBoolean(cell: Cell): unknown {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : cell;
  const text = cellText(cell).toLowerCase();
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return text;
}

function splitList(text: string): string[] {
  return text
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function matchOption(options: string[], value: string): string {
  return options.find((o) => o.toLowerCase() === value.toLowerCase()) ?? value;
}

/**
 * A cell for a custom field, in the shape the API takes (validateCustomValues then checks it):
 * numbers and amounts in German or English notation, dates "31.12.2025", booleans ja/nein/x,
 * choices matched without regard to case. Undefined means the cell is empty.
 */
export function customValueOf(def: CustomFieldRow, cell: Cell): unknown {
  const text = cellText(cell);
  if (text === '') return undefined;
  switch (def.type) {
    case 'number':
      if (typeof cell === 'number') return cell;
      return parseNumber(text) ?? text;
    case 'money':
      return parseCents(cell) ?? text;
    case 'date':
      return parseDate(cell);
    case 'datetime':
      return parseDateTime(cell);
    case 'boolean':
      return parseBoolean(cell);
    case 'select':
      return matchOption(JSON.parse(def.options) as string[], text);
    case 'multiselect': {
      const options = JSON.parse(def.options) as string[];
      return splitList(text).map((v) => matchOption(options, v));
    }
    default:
      return text;
  }
}

export function splitTags(text: string): string[] {
  return text
    .split(/[;,]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

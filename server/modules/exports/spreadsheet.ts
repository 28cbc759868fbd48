import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export type Lang = 'de' | 'en';
export type ColumnType = 'text' | 'number' | 'money' | 'date' | 'datetime' | 'boolean';

export interface SheetColumn {
  header: string;
  type: ColumnType;
}

/** A value as the API has it: text, a number (money in cents), YYYY-MM-DD, an ISO timestamp, a boolean. */
export type SheetValue = string | number | boolean | null | undefined;

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Text a spreadsheet could run as a formula gets a leading apostrophe (SECURITY.md: formula injection). */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const BERLIN = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const HOUR = 3_600_000;
const offsets = new Map<number, number>();

/** Europe/Berlin's offset from UTC in ms at that instant; asked once per UTC hour (clocks change on the hour). */
function berlinOffset(ms: number): number {
  const hour = Math.floor(ms / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    const parts = BERLIN.formatToParts(new Date(hour * HOUR));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    offset = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - hour * HOUR;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/** The wall-clock time in Germany, as a Date whose UTC fields carry it. */
function berlinWallClock(iso: string): Date {
  const ms = Date.parse(iso);
  return new Date(ms + berlinOffset(ms));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** One value as CSV text: German notation (1234,5 · 31.12.2025 · ja) or English (1234.5 · 2025-12-31 · yes). */
export function csvText(value: SheetValue, type: ColumnType, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '';
  const de = lang === 'de';
  switch (type) {
    case 'number':
      return de ? String(value).replace('.', ',') : String(value);
    case 'money': {
      const text = (Number(value) / 100).toFixed(2);
      return de ? text.replace('.', ',') : text;
    }
    case 'date': {
      const [y, m, d] = String(value).split('-');
      return de ? `${d}.${m}.${y}` : String(value);
    }
    case 'datetime': {
      if (!de) return String(value);
      const d = berlinWallClock(String(value));
      return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    }
    case 'boolean':
      return value ? (de ? 'ja' : 'yes') : de ? 'nein' : 'no';
    default:
      return neutralise(String(value));
  }
}

/** CSV as German Excel opens it: UTF-8 with BOM, semicolons, CRLF. Pages are written with back-pressure. */
export function csvStream(columns: SheetColumn[], pages: AsyncIterable<SheetValue[][]>, lang: Lang): Readable {
  const out = stringify({ delimiter: ';', record_delimiter: 'windows', bom: true });
  const write = async () => {
    out.write(columns.map((c) => neutralise(c.header)));
    for await (const rows of pages) {
      for (const row of rows) {
        if (!out.write(row.map((v, i) => csvText(v, columns[i]?.type ?? 'text', lang)))) await once(out, 'drain');
      }
    }
    out.end();
  };
  write().catch((err) => out.destroy(err));
  return out;
}

/** What csvStream writes for a few rows, without the BOM: the CSV example of the OpenAPI document. */
export function csvExample(columns: SheetColumn[], rows: SheetValue[][], lang: Lang): string {
  const header = columns.map((c) => neutralise(c.header));
  const body = rows.map((row) => row.map((v, i) => csvText(v, columns[i]?.type ?? 'text', lang)));
  return stringifySync([header, ...body], { delimiter: ';', record_delimiter: 'windows' });
}

const XLSX_FORMATS: Partial<Record<ColumnType, Record<Lang, string>>> = {
  number: { de: '#,##0.##', en: '#,##0.##' },
  money: { de: '#,##0.00', en: '#,##0.00' },
  date: { de: 'dd.mm.yyyy', en: 'yyyy-mm-dd' },
  datetime: { de: 'dd.mm.yyyy hh:mm', en: 'yyyy-mm-dd hh:mm' },
};

function xlsxValue(value: SheetValue, type: ColumnType, lang: Lang): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (type) {
    case 'number':
      return Number(value);
    case 'money':
      return Number(value) / 100;
    case 'date':
      return new Date(`${value}T00:00:00.000Z`);
    case 'datetime': {
      if (lang === 'en') return new Date(String(value));
      // Excel has no time zones: German sheets show the wall-clock time in Germany
      return berlinWallClock(String(value));
    }
    case 'boolean':
      return Boolean(value);
    default:
      return neutralise(String(value));
  }
}

/** XLSX written as a stream: a bold, frozen header row; numbers, amounts and dates as typed cells. */
export function xlsxStream(
  sheetName: string,
  columns: SheetColumn[],
  pages: AsyncIterable<SheetValue[][]>,
  lang: Lang,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ width: Math.min(Math.max(c.header.length + 2, 12), 40) }));
  const write = async () => {
    const head = sheet.addRow(columns.map((c) => neutralise(c.header)));
    head.font = { bold: true };
    head.commit();
    for await (const rows of pages) {
      for (const values of rows) {
        const row = sheet.addRow(values.map((v, i) => xlsxValue(v, columns[i]?.type ?? 'text', lang)));
        columns.forEach((c, i) => {
          const format = XLSX_FORMATS[c.type]?.[lang];
          if (format) row.getCell(i + 1).numFmt = format;
        });
        row.commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((err) => out.destroy(err));
  return out;
}

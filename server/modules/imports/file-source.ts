import fs from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError } from '../../http/errors.ts';
import type { Cell } from './cell-values.ts';
import { xlsxRows } from './xlsx-source.ts';

export type FileKind = 'csv' | 'xlsx';
export type Encoding = 'utf-8' | 'utf-16le' | 'windows-1252';

/** A row of the file; `row` is the number a spreadsheet shows for it (the header is row 1). */
export interface SourceRow {
  row: number;
  cells: Cell[];
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** CSV or XLSX, told by the content (a zip is XLSX); old binary .xls files are refused with a hint. */
export function detectKind(head: Buffer, fileName: string): FileKind {
  if (head.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (head.subarray(0, 4).equals(OLE) || /\.xls$/i.test(fileName)) {
    throw new AppError('unsupported_media_type', 'Old .xls files cannot be read; save the file as .xlsx or CSV', [
      { path: 'file', message: 'save as .xlsx or CSV' },
    ]);
  }
  if (head.subarray(0, 4096).includes(0) && !(head[0] === 0xff && head[1] === 0xfe)) {
    throw new AppError('unsupported_media_type', 'The file is neither CSV nor XLSX', [
      { path: 'file', message: 'not CSV or XLSX' },
    ]);
  }
  return 'csv';
}

/**
 * UTF-8 (with or without BOM), UTF-16 with BOM ("Unicode text" from Excel), else Windows-1252.
 * iconv-lite decodes the latter: Node 20's TextDecoder treats it as Latin-1 and garbles € „ “ – ….
 */
export function decodeText(buffer: Buffer): { text: string; encoding: Encoding } {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buffer), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buffer, 'win1252'), encoding: 'windows-1252' };
  }
}

const DELIMITERS = [';', '\t', ','] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The delimiter used most often in the header line, outside quotes (ties: semicolon, tab, comma). */
export function sniffDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  let best: Delimiter = ',';
  let max = 0;
  for (const d of DELIMITERS) {
    const n = counts.get(d) as number;
    if (n > max) {
      best = d;
      max = n;
    }
  }
  return best;
}

function* slices(text: string, size = 64 * 1024): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** CSV records in file order, fed in slices so a large file never blocks the event loop for long. */
export async function* csvRows(text: string, delimiter: Delimiter): AsyncGenerator<SourceRow> {
  const parser = Readable.from(slices(text)).pipe(
    parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
  );
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row++;
    yield { row, cells: record };
  }
}

/** Every row of a stored upload, header first; rows with only empty cells are left out (their numbers stay). */
export async function* fileRows(file: string, kind: FileKind): AsyncGenerator<SourceRow> {
  const source = kind === 'xlsx' ? xlsxRows(fs.createReadStream(file)) : csvFromBuffer(await fs.promises.readFile(file));
  for await (const r of source) {
    if (r.cells.some((c) => c !== null && c !== '' && !(typeof c === 'string' && c.trim() === ''))) yield r;
  }
}

/**
 * Records with any content in a CSV text, header included: a quick scan (quotes respected) so the
 * total for the progress bar is known without parsing the file twice.
 */
export function countCsvRecords(text: string, delimiter: Delimiter): number {
  let count = 0;
  let quoted = false;
  let content = false;
  const d = delimiter.charCodeAt(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      quoted = !quoted;
    } else if (!quoted && (c === 10 || c === 13)) {
      if (content) count++;
      content = false;
    } else if (!content && c !== d && c !== 32 && c !== 9 && c !== 0xfeff) {
      content = true;
    }
  }
  return content ? count + 1 : count;
}

/** Data rows of a stored upload (the header and empty rows do not count). */
export async function countDataRows(file: string, kind: FileKind): Promise<number> {
  let n = 0;
  if (kind === 'csv') {
    const { text } = decodeText(await fs.promises.readFile(file));
    n = countCsvRecords(text, sniffDelimiter(text));
  } else {
    for await (const _ of fileRows(file, kind)) n++;
  }
  return Math.max(n - 1, 0);
}

function csvFromBuffer(buffer: Buffer): AsyncGenerator<SourceRow> {
  const { text } = decodeText(buffer);
  return csvRows(text, sniffDelimiter(text));
}

/** Column names from the header row: trimmed, empty ones named "Spalte N", repeated ones numbered. */
export function headerNames(cells: Cell[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base =
      (cell instanceof Date ? cell.toISOString() : String(cell ?? '')).replace(/^\uFEFF/, '').trim() || `Spalte ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export interface FileHead {
  kind: FileKind;
  encoding: Encoding | null;
  delimiter: Delimiter | null;
  headers: string[];
  rows: SourceRow[];
}

/** The header and the first `limit` data rows of an upload held in memory. */
export async function readHead(buffer: Buffer, fileName: string, limit: number): Promise<FileHead> {
  const kind = detectKind(buffer, fileName);
  let source: AsyncGenerator<SourceRow>;
  let encoding: Encoding | null = null;
  let delimiter: Delimiter | null = null;
  if (kind === 'xlsx') source = xlsxRows(Readable.from([buffer]));
  else {
    const decoded = decodeText(buffer);
    encoding = decoded.encoding;
    delimiter = sniffDelimiter(decoded.text);
    source = csvRows(decoded.text.slice(0, 1024 * 1024), delimiter);
  }
  const rows: SourceRow[] = [];
  let headers: string[] | null = null;
  try {
    for await (const r of source) {
      if (!r.cells.some((c) => c !== null && String(c).trim() !== '')) continue;
      if (!headers) headers = headerNames(r.cells);
      else rows.push(r);
      if (rows.length >= limit) break;
    }
  } catch (err) {
    // the preview reads only the start of a CSV: a field cut at the end is no error
    if (!headers) throw unreadable(err);
  } finally {
    await source.return(undefined);
  }
  if (!headers) throw new AppError('validation_failed', 'The file is empty', [{ path: 'file', message: 'no header row' }]);
  return { kind, encoding, delimiter, headers, rows };
}

export function unreadable(err: unknown): AppError {
  const detail = err instanceof Error ? err.message : String(err);
  return new AppError('unprocessable', `The file could not be read: ${detail}`, [{ path: 'file', message: 'unreadable' }]);
}

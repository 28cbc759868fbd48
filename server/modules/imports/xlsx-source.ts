import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './cell-values.ts';
import type { SourceRow } from './file-source.ts';

/** An exceljs cell value as plain data: rich text and hyperlinks as their text, formulas as their result. */
export function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in v) return plainCell(v.result);
    if ('text' in v) return plainCell(v.text);
    if ('error' in v) return null;
  }
  return String(value);
}

/**
 * Rows of the first worksheet, read as a stream (an XLSX with 100 000 rows never sits in memory whole).
 * Dates come as Date objects (styles are read for that), numbers as numbers.
 */
export async function* xlsxRows(input: Readable): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
        yield { row: row.number, cells };
      }
      break;
    }
  } finally {
    input.destroy();
  }
}

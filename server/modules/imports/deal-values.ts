import { type Cell, parseCents, parseDate, parseNumber } from './cell-values.ts';
import { type ChunkRow, RowProblem } from './import-job.ts';
import type { ResolvedMapping, StandardField } from './mapping.ts';

/** A deal row's own values, parsed from what people write; the links (pipeline, stage, contact …) are resolved elsewhere. */
export interface DealValues {
  title?: string;
  amountCents?: number;
  currency?: string;
  taxRate?: number;
  expectedCloseDate?: string;
  source?: string;
  tags?: string[];
  lostReason?: string;
  externalId?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** "19", "19 %", "7,5" or a number cell; a percent-formatted XLSX cell holds 0.19 for 19 %. */
function taxRateOf(cell: Cell, text: string): number | null {
  if (typeof cell === 'number') return cell > 0 && cell < 1 ? Number((cell * 100).toFixed(4)) : cell;
  return parseNumber(text.replace(/%\s*$/, ''));
}

/** Reads the deal fields of a row: amounts in German or English notation, dates as 31.12.2025 or ISO. */
export function dealValues(item: ChunkRow, mapping: ResolvedMapping): DealValues {
  const t = item.values.text;
  const header = (field: StandardField) => mapping.fields.get(field)?.header ?? field;
  const cell = (field: StandardField): Cell => {
    const m = mapping.fields.get(field);
    return m ? (item.cells[m.index] ?? null) : null;
  };
  const out: DealValues = {};
  for (const f of ['title', 'source', 'lostReason', 'externalId'] as const) if (t[f]) out[f] = t[f];
  if (item.values.tags) out.tags = item.values.tags;
  if (t.amount) {
    const cents = parseCents(cell('amount'));
    if (cents === null) throw new RowProblem(`${header('amount')}: "${t.amount}" is not an amount`);
    out.amountCents = cents;
  }
  if (t.amountCents) {
    const raw = cell('amountCents');
    const n = typeof raw === 'number' ? raw : parseNumber(t.amountCents);
    if (n === null || !Number.isSafeInteger(n)) throw new RowProblem(`${header('amountCents')}: must be a whole number of cents`);
    out.amountCents = n;
  }
  if (out.amountCents !== undefined && out.amountCents < 0) {
    throw new RowProblem(`${header(t.amount ? 'amount' : 'amountCents')}: must not be negative`);
  }
  if (t.currency) {
    const currency = t.currency === '€' ? 'EUR' : t.currency.toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency))
      throw new RowProblem(`${header('currency')}: "${t.currency}" is not a currency code like EUR`);
    out.currency = currency;
  }
  if (t.taxRate) {
    const rate = taxRateOf(cell('taxRate'), t.taxRate);
    if (rate === null) throw new RowProblem(`${header('taxRate')}: "${t.taxRate}" is not a tax rate in percent (19, 7, 0)`);
    out.taxRate = rate;
  }
  if (t.expectedCloseDate) {
    const date = parseDate(cell('expectedCloseDate'));
    if (typeof date !== 'string' || !isRealDate(date)) {
      throw new RowProblem(`${header('expectedCloseDate')}: "${t.expectedCloseDate}" is not a date (31.12.2025 or 2025-12-31)`);
    }
    out.expectedCloseDate = date;
  }
  return out;
}

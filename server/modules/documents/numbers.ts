import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Number series per document kind; a cancellation or credit note continues the invoice series. */
export const SERIES: Record<string, { series: string; prefix: string }> = {
  offer: { series: 'offer', prefix: 'AN' },
  'order-confirmation': { series: 'order-confirmation', prefix: 'AB' },
  invoice: { series: 'invoice', prefix: 'RE' },
  cancellation: { series: 'invoice', prefix: 'RE' },
  'credit-note': { series: 'invoice', prefix: 'RE' },
  'delivery-note': { series: 'delivery-note', prefix: 'LS' },
};

/**
 * The next number of a series in the document's own transaction (e.g. RE-2026-0001): SQLite has one
 * writer, so concurrent requests get consecutive numbers, and a rolled-back document gives its number
 * back — invoices stay gap-free.
 */
export async function nextNumber(trx: Transaction<DB>, kind: string, year: number): Promise<string> {
  const { series, prefix } = SERIES[kind] ?? { series: kind, prefix: kind.slice(0, 2).toUpperCase() };
  const row = await sql<{ last: number }>`
    INSERT INTO number_sequences (series, year, last) VALUES (${series}, ${year}, 1)
    ON CONFLICT (series, year) DO UPDATE SET last = last + 1
    RETURNING last`.execute(trx);
  const n = (row.rows[0] as { last: number }).last;
  return `${prefix}-${year}-${String(n).padStart(4, '0')}`;
}

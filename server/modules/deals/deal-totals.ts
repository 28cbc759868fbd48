import type { Kysely, Transaction } from 'kysely';
import { type LineInput, taxOn, totals } from '../../core/money.ts';
import type { DB, DealRow } from '../../db/schema.ts';
import { updateDeal } from './deals.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** What a deal's money columns hold, given its line items and what has been paid. */
export type DealMoney = Pick<DealRow, 'amountCents' | 'taxCents' | 'grossCents' | 'paidCents' | 'paidAt' | 'hasLineItems'>;

/**
 * A deal's money: amount = net of the lines when it has any, tax per rate (else on the amount at the
 * deal's rate), gross, the paid sum, and paidAt from when the payments first reach the gross amount.
 */
export function dealMoney(
  deal: Pick<DealRow, 'amountCents' | 'taxRate' | 'paidAt'>,
  lines: LineInput[],
  paidCents: number,
  now: string,
): DealMoney {
  let amountCents = deal.amountCents;
  let taxCents: number;
  if (lines.length > 0) {
    const t = totals(lines);
    amountCents = t.netCents;
    taxCents = t.taxCents;
  } else {
    taxCents = taxOn(amountCents, deal.taxRate);
  }
  const grossCents = amountCents + taxCents;
  const isPaid = grossCents > 0 && paidCents >= grossCents;
  return {
    amountCents,
    taxCents,
    grossCents,
    paidCents,
    paidAt: isPaid ? (deal.paidAt ?? now) : null,
    hasLineItems: lines.length > 0 ? 1 : 0,
  };
}

/**
 * Recomputes a deal's money from its line items and payments (inside the caller's transaction), as
 * dealMoney does. Returns the row and whether it just became paid (for deal.paid).
 * `partOfChange`: the caller's write already counted as this change (no second version bump).
 */
export async function recomputeDealMoney(
  db: Db,
  deal: DealRow,
  now: string,
  { partOfChange = false }: { partOfChange?: boolean } = {},
): Promise<{ row: DealRow; becamePaid: boolean }> {
  const lines = await db
    .selectFrom('lineItems')
    .select(['quantity', 'unitPriceCents', 'discountPercent', 'taxRate'])
    .where('dealId', '=', deal.id)
    .execute();
  const paid = await db
    .selectFrom('payments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amountCents'), eb.lit(0)).as('sum'))
    .where('dealId', '=', deal.id)
    .executeTakeFirstOrThrow();
  const money = dealMoney(deal, lines, Number(paid.sum), now);
  const changed = (Object.keys(money) as (keyof DealMoney)[]).some((k) => money[k] !== deal[k]);
  if (!changed) return { row: deal, becamePaid: false };
  // within a PATCH the version already moved; a line item or payment is a change of its own
  const row = await updateDeal(db, deal.id, money, now, undefined, !partOfChange);
  return { row: row as DealRow, becamePaid: money.paidAt !== null && !deal.paidAt };
}

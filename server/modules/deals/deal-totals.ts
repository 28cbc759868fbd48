import type { Kysely, Transaction } from 'kysely';
import { taxOn, totals } from '../../core/money.ts';
import type { DB, DealRow } from '../../db/schema.ts';
import { updateDeal } from './deals.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Recomputes a deal's money from its line items and payments (inside the caller's transaction):
 * amount = net of the lines when it has any, tax per rate, gross, paid sum, and paidAt when the payments
 * first reach the gross amount. Returns the row and whether it just became paid (for deal.paid).
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
  const paidCents = Number(paid.sum);
  const isPaid = grossCents > 0 && paidCents >= grossCents;
  const paidAt = isPaid ? (deal.paidAt ?? now) : null;
  const changed =
    amountCents !== deal.amountCents ||
    taxCents !== deal.taxCents ||
    grossCents !== deal.grossCents ||
    paidCents !== deal.paidCents ||
    paidAt !== deal.paidAt ||
    (lines.length > 0 ? 1 : 0) !== deal.hasLineItems;
  if (!changed) return { row: deal, becamePaid: false };
  // within a PATCH the version already moved; a line item or payment is a change of its own
  const row = await updateDeal(
    db,
    deal.id,
    { amountCents, taxCents, grossCents, paidCents, paidAt, hasLineItems: lines.length > 0 ? 1 : 0 },
    now,
    undefined,
    !partOfChange,
  );
  return { row: row as DealRow, becamePaid: isPaid && !deal.paidAt };
}

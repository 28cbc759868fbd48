import { type Static, Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import { inTransaction } from '../../core/tx.ts';
import type { PaymentRow } from '../../db/schema.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { type ListSpec, listPage } from '../../http/list.ts';
import { Id, Stamps } from '../../http/schemas.ts';
import { recordChange } from '../timeline/changes.repository.ts';
import { recomputeDealMoney } from './deal-totals.ts';
import { getVisibleDeal, publishDealChange } from './deals.service.ts';

export const PaymentSchema = Type.Object(
  {
    ...Stamps,
    dealId: Id,
    amountCents: Type.Integer(),
    paidAt: Type.String({ description: 'ISO date or date-time of the payment' }),
    method: Type.Union([Type.String(), Type.Null()]),
    note: Type.Union([Type.String(), Type.Null()]),
    userId: Type.Union([Id, Type.Null()]),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0pm',
        dealId: '01jdq3m6e2x7k9v4b8c1n5t0dl',
        amountCents: 1005550,
        paidAt: '2026-12-01',
        method: 'Überweisung',
        note: 'RE-2026-0042',
        userId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
        createdAt: '2026-12-02T08:30:00.000Z',
        updatedAt: '2026-12-02T08:30:00.000Z',
        version: 1,
      },
    ],
  },
);
export type Payment = Static<typeof PaymentSchema>;

export const CreatePaymentSchema = Type.Object(
  {
    amountCents: Type.Integer({ minimum: -1e11, maximum: 1e11, not: { const: 0 }, description: 'Negative for a refund' }),
    paidAt: Type.Optional(
      Type.Union([Type.String({ format: 'date' }), Type.String({ format: 'date-time' })], {
        description: 'YYYY-MM-DD, or an ISO date-time with a time zone (stored in UTC); default now',
      }),
    ),
    method: Type.Optional(Type.String({ maxLength: 50, examples: ['Überweisung', 'bar', 'EC-Karte'] })),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false, examples: [{ amountCents: 1005550, paidAt: '2026-12-01', method: 'Überweisung' }] },
);
export type CreatePayment = Static<typeof CreatePaymentSchema>;

export const PaymentParams = Type.Object({ id: Id, paymentId: Id }, { additionalProperties: false });

/** A deal's payments by date; one page holds 200. */
export const PAYMENT_LIST: ListSpec = {
  defaultSort: 'paidAt',
  defaultLimit: 200,
  idColumn: 'payments.id',
  sortable: {
    paidAt: { expr: 'payments.paidAt' },
    amountCents: { expr: 'payments.amountCents' },
    createdAt: { expr: 'payments.createdAt' },
  },
  filters: {
    method: { expr: 'payments.method', kind: 'ci', schema: Type.String({ maxLength: 50 }) },
    userId: { expr: 'payments.userId', schema: Type.String({ maxLength: 64 }) },
  },
};

export async function listPayments(ctx: Ctx, actor: Actor, dealId: string, query: Record<string, unknown>) {
  await getVisibleDeal(ctx, actor, dealId);
  const page = await listPage(ctx.db.selectFrom('payments').selectAll().where('dealId', '=', dealId), PAYMENT_LIST, query);
  return { data: page.rows as Payment[], nextCursor: page.nextCursor };
}

/** Records a payment; when the payments reach the deal's gross amount the deal is paid (event deal.paid). */
export async function addPayment(ctx: Ctx, actor: Actor, dealId: string, input: CreatePayment): Promise<Payment> {
  const before = await getVisibleDeal(ctx, actor, dealId);
  const now = isoNow(ctx.clock);
  const row: PaymentRow = {
    id: newId(),
    dealId,
    amountCents: input.amountCents,
    paidAt: input.paidAt?.includes('T') ? new Date(input.paidAt).toISOString() : (input.paidAt ?? now),
    method: input.method?.trim() || null,
    note: input.note?.trim() || null,
    userId: actor.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await inTransaction(ctx, async (trx, after) => {
    await trx.insertInto('payments').values(row).execute();
    const deal = await trx.selectFrom('deals').selectAll().where('id', '=', dealId).executeTakeFirstOrThrow();
    const result = await recomputeDealMoney(trx, deal, now);
    await recordChange(trx, {
      entityType: 'deal',
      entityId: dealId,
      userId: actor.userId,
      action: 'payment',
      changes: [{ field: 'paidCents', from: before.paidCents, to: result.row.paidCents }],
      at: now,
    });
    await publishDealChange(trx, ctx, after, before, result.row, actor.userId, { becamePaid: result.becamePaid });
  });
  return row;
}

/** Removes a wrongly booked payment (admin or head). */
export async function deletePayment(ctx: Ctx, actor: Actor, dealId: string, paymentId: string): Promise<void> {
  const before = await getVisibleDeal(ctx, actor, dealId);
  if (actor.role !== 'admin' && actor.role !== 'head') throw forbidden('Only an administrator or a head can remove payments');
  const now = isoNow(ctx.clock);
  await inTransaction(ctx, async (trx, after) => {
    const res = await trx.deleteFrom('payments').where('id', '=', paymentId).where('dealId', '=', dealId).executeTakeFirst();
    if (Number(res.numDeletedRows) === 0) throw notFound('Payment');
    const deal = await trx.selectFrom('deals').selectAll().where('id', '=', dealId).executeTakeFirstOrThrow();
    const money = await recomputeDealMoney(trx, deal, now);
    await publishDealChange(trx, ctx, after, before, money.row, actor.userId);
  });
}

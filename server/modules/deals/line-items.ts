import { sql, type Transaction } from 'kysely';
import { type Static, Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import { lineNetCents } from '../../core/money.ts';
import { inTransaction } from '../../core/tx.ts';
import type { DB, LineItemRow } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { containsText, type ListSpec, listPage } from '../../http/list.ts';
import { Id, Stamps } from '../../http/schemas.ts';
import { recordChange } from '../timeline/changes.repository.ts';
import { recomputeDealMoney } from './deal-totals.ts';
import { getVisibleDeal, publishDealChange } from './deals.service.ts';

export const LineItemSchema = Type.Object(
  {
    ...Stamps,
    dealId: Id,
    productId: Type.Union([Id, Type.Null()]),
    description: Type.String(),
    quantity: Type.Number(),
    unit: Type.Union([Type.String(), Type.Null()]),
    unitPriceCents: Type.Integer(),
    discountPercent: Type.Number(),
    taxRate: Type.Number(),
    netCents: Type.Integer({ description: 'round(quantity × unitPriceCents × (1 − discountPercent/100)), half away from zero' }),
    position: Type.Integer(),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0li',
        dealId: '01jdq3m6e2x7k9v4b8c1n5t0dl',
        productId: '01jdq3m6e2x7k9v4b8c1n5t0pr',
        description: 'Kunststofffenster 120×140',
        quantity: 3,
        unit: 'Stk.',
        unitPriceCents: 48900,
        discountPercent: 10,
        taxRate: 19,
        netCents: 132030,
        position: 0,
        createdAt: '2026-11-28T09:20:00.000Z',
        updatedAt: '2026-11-28T09:20:00.000Z',
        version: 1,
      },
    ],
  },
);
export type LineItem = Static<typeof LineItemSchema>;

// at most 4 decimals, checked in code: JSON Schema's multipleOf fails on binary fractions (0.3 / 0.0001)
const Quantity = Type.Number({ exclusiveMinimum: 0, maximum: 1e9, description: 'Up to 4 decimal places' });

function assertQuantity(quantity: number | undefined): void {
  if (quantity === undefined) return;
  if (Math.abs(quantity * 1e4 - Math.round(quantity * 1e4)) > 1e-6)
    throw new AppError('validation_failed', 'A quantity has at most 4 decimal places', [
      { path: 'quantity', message: 'at most 4 decimal places' },
    ]);
}
const Discount = Type.Number({ minimum: 0, maximum: 100 });
const Tax = Type.Number({ minimum: 0, maximum: 100 });

export const CreateLineItemSchema = Type.Object(
  {
    productId: Type.Optional(Type.Union([Id, Type.Null()])),
    description: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    quantity: Quantity,
    unit: Type.Optional(Type.String({ maxLength: 20 })),
    unitPriceCents: Type.Optional(Type.Integer({ minimum: -1e11, maximum: 1e11 })),
    discountPercent: Type.Optional(Discount),
    taxRate: Type.Optional(Tax),
    position: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  {
    additionalProperties: false,
    description: 'With productId, description, unit, unitPriceCents and taxRate default to the product’s',
    examples: [
      { description: 'Kunststofffenster 120×140, weiß', quantity: 3, unitPriceCents: 3333, discountPercent: 10, taxRate: 19 },
    ],
  },
);
export type CreateLineItem = Static<typeof CreateLineItemSchema>;

export const UpdateLineItemSchema = Type.Object(
  {
    description: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    quantity: Type.Optional(Quantity),
    unit: Type.Optional(Type.String({ maxLength: 20 })),
    unitPriceCents: Type.Optional(Type.Integer({ minimum: -1e11, maximum: 1e11 })),
    discountPercent: Type.Optional(Discount),
    taxRate: Type.Optional(Tax),
    position: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false, minProperties: 1, examples: [{ quantity: 4, discountPercent: 5 }] },
);
export type UpdateLineItem = Static<typeof UpdateLineItemSchema>;

export const LineItemParams = Type.Object({ id: Id, itemId: Id }, { additionalProperties: false });

function present(row: LineItemRow): LineItem {
  return { ...row };
}

/** A deal's line items in their order; one page holds 200. */
export const LINE_ITEM_LIST: ListSpec = {
  defaultSort: 'position',
  defaultLimit: 200,
  idColumn: 'lineItems.id',
  sortable: {
    position: { expr: 'lineItems.position' },
    createdAt: { expr: 'lineItems.createdAt' },
    netCents: { expr: 'lineItems.netCents' },
  },
  filters: {
    productId: {
      expr: 'lineItems.productId',
      kind: 'nullable',
      schema: Type.String({ maxLength: 64, description: 'null for none' }),
    },
    taxRate: { expr: 'lineItems.taxRate', schema: Type.Number({ minimum: 0, maximum: 100 }) },
  },
  search: containsText('lineItems.description'),
};

export async function listLineItems(ctx: Ctx, actor: Actor, dealId: string, query: Record<string, unknown>) {
  await getVisibleDeal(ctx, actor, dealId);
  const page = await listPage(ctx.db.selectFrom('lineItems').selectAll().where('dealId', '=', dealId), LINE_ITEM_LIST, query);
  return { data: page.rows.map(present), nextCursor: page.nextCursor };
}

async function afterChange(
  ctx: Ctx,
  actor: Actor,
  dealId: string,
  write: (trx: Transaction<DB>, now: string) => Promise<LineItemRow | null>,
  note: string,
) {
  const before = await getVisibleDeal(ctx, actor, dealId);
  const now = isoNow(ctx.clock);
  return inTransaction(ctx, async (trx, after) => {
    const item = await write(trx, now);
    const deal = await trx.selectFrom('deals').selectAll().where('id', '=', dealId).executeTakeFirstOrThrow();
    const money = await recomputeDealMoney(trx, deal, now);
    await recordChange(trx, {
      entityType: 'deal',
      entityId: dealId,
      userId: actor.userId,
      action: 'line_items',
      changes: [
        { field: 'lineItems', from: before.amountCents, to: money.row.amountCents },
        { field: 'note', from: null, to: note },
      ],
      at: now,
    });
    await publishDealChange(trx, ctx, after, before, money.row, actor.userId, { becamePaid: money.becamePaid });
    return item;
  });
}

/** Adds a line; the deal's amount, tax and gross follow. */
export async function addLineItem(ctx: Ctx, actor: Actor, dealId: string, input: CreateLineItem): Promise<LineItem> {
  await getVisibleDeal(ctx, actor, dealId);
  assertQuantity(input.quantity);
  const product = input.productId
    ? await ctx.db.selectFrom('products').selectAll().where('id', '=', input.productId).executeTakeFirst()
    : undefined;
  if (input.productId && !product)
    throw new AppError('unprocessable', 'The product does not exist', [{ path: 'productId', message: 'unknown product' }]);
  const description = input.description ?? product?.name;
  const unitPriceCents = input.unitPriceCents ?? product?.unitPriceCents;
  if (!description)
    throw new AppError('validation_failed', 'A line needs a description or a product', [
      { path: 'description', message: 'is required without productId' },
    ]);
  if (unitPriceCents === undefined)
    throw new AppError('validation_failed', 'A line needs a unit price or a product', [
      { path: 'unitPriceCents', message: 'is required without productId' },
    ]);
  const line = {
    quantity: input.quantity,
    unitPriceCents,
    discountPercent: input.discountPercent ?? 0,
    taxRate: input.taxRate ?? product?.taxRate ?? 19,
  };
  const item = await afterChange(
    ctx,
    actor,
    dealId,
    async (trx, now) => {
      const count = await trx
        .selectFrom('lineItems')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('dealId', '=', dealId)
        .executeTakeFirstOrThrow();
      const row: LineItemRow = {
        id: newId(),
        dealId,
        productId: input.productId ?? null,
        description,
        unit: input.unit ?? product?.unit ?? null,
        ...line,
        netCents: lineNetCents(line),
        position: input.position ?? Number(count.n),
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await trx.insertInto('lineItems').values(row).execute();
      return row;
    },
    `+ ${description}`,
  );
  return present(item as LineItemRow);
}

export async function updateLineItem(
  ctx: Ctx,
  actor: Actor,
  dealId: string,
  itemId: string,
  input: UpdateLineItem,
): Promise<LineItem> {
  await getVisibleDeal(ctx, actor, dealId);
  assertQuantity(input.quantity);
  const current = await ctx.db
    .selectFrom('lineItems')
    .selectAll()
    .where('id', '=', itemId)
    .where('dealId', '=', dealId)
    .executeTakeFirst();
  if (!current) throw notFound('Line item');
  const next = { ...current, ...input };
  const item = await afterChange(
    ctx,
    actor,
    dealId,
    async (trx, now) =>
      (await trx
        .updateTable('lineItems')
        .set({ ...input, netCents: lineNetCents(next), updatedAt: now, version: sql`version + 1` as unknown as number })
        .where('id', '=', itemId)
        .returningAll()
        .executeTakeFirst()) as LineItemRow,
    `~ ${next.description}`,
  );
  return present(item as LineItemRow);
}

export async function deleteLineItem(ctx: Ctx, actor: Actor, dealId: string, itemId: string): Promise<void> {
  await getVisibleDeal(ctx, actor, dealId);
  const current = await ctx.db
    .selectFrom('lineItems')
    .selectAll()
    .where('id', '=', itemId)
    .where('dealId', '=', dealId)
    .executeTakeFirst();
  if (!current) throw notFound('Line item');
  await afterChange(
    ctx,
    actor,
    dealId,
    async (trx) => {
      await trx.deleteFrom('lineItems').where('id', '=', itemId).execute();
      return null;
    },
    `- ${current.description}`,
  );
}

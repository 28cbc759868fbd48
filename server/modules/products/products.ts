import { sql } from 'kysely';
import { type Static, Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { ProductRow } from '../../db/schema.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import { versionMismatch } from '../../http/if-match.ts';
import { containsText, type ListSpec, listPage, listQuery } from '../../http/list.ts';
import { Stamps } from '../../http/schemas.ts';

export const ProductSchema = Type.Object(
  {
    ...Stamps,
    name: Type.String(),
    sku: Type.Union([Type.String(), Type.Null()]),
    unit: Type.String(),
    unitPriceCents: Type.Integer({ description: 'Net price per unit in cents' }),
    taxRate: Type.Number(),
    description: Type.Union([Type.String(), Type.Null()]),
    active: Type.Boolean(),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0pr',
        name: 'Kunststofffenster 120×140',
        sku: 'KF-120-140',
        unit: 'Stk.',
        unitPriceCents: 48900,
        taxRate: 19,
        description: null,
        active: true,
        createdAt: '2026-11-28T09:15:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 1,
      },
    ],
  },
);
export type Product = Static<typeof ProductSchema>;

const fields = {
  sku: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
  unit: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  taxRate: Type.Optional(Type.Number({ minimum: 0, maximum: 100, examples: [19, 7, 0] })),
  description: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  active: Type.Optional(Type.Boolean()),
};
export const CreateProductSchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), unitPriceCents: Type.Integer({ minimum: 0, maximum: 1e11 }), ...fields },
  { additionalProperties: false, examples: [{ name: 'Aufmaß vor Ort', unit: 'pauschal', unitPriceCents: 8900, taxRate: 19 }] },
);
export type CreateProduct = Static<typeof CreateProductSchema>;
export const UpdateProductSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    unitPriceCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e11 })),
    ...fields,
  },
  { additionalProperties: false, minProperties: 1, examples: [{ unitPriceCents: 51900, active: true }] },
);
export type UpdateProduct = Static<typeof UpdateProductSchema>;
/** The catalogue by name; name and unit compare ignoring case. */
export const PRODUCT_LIST: ListSpec = {
  defaultSort: 'name',
  idColumn: 'products.id',
  sortable: {
    name: { expr: sql`lower(products.name)` },
    sku: { expr: 'products.sku' },
    unitPriceCents: { expr: 'products.unitPriceCents' },
    taxRate: { expr: 'products.taxRate' },
    createdAt: { expr: 'products.createdAt' },
    updatedAt: { expr: 'products.updatedAt' },
  },
  filters: {
    name: { expr: 'products.name', kind: 'ci', schema: Type.String({ maxLength: 200 }) },
    sku: { expr: 'products.sku', schema: Type.String({ maxLength: 100 }) },
    unit: { expr: 'products.unit', kind: 'ci', schema: Type.String({ maxLength: 20 }) },
    taxRate: { expr: 'products.taxRate', schema: Type.Number({ minimum: 0, maximum: 100 }) },
    active: { expr: 'products.active', kind: 'bool', schema: Type.Boolean() },
  },
  search: containsText('products.name', 'products.sku'),
};
export const ProductListQuery = listQuery(PRODUCT_LIST);

const present = (r: ProductRow): Product => ({ ...r, active: r.active === 1 });

function assertCatalogueEditor(actor: Actor) {
  if (actor.role !== 'admin' && actor.role !== 'head') throw forbidden('Only an administrator or a head can change products');
}

export async function listProducts(ctx: Ctx, query: Record<string, unknown>) {
  const page = await listPage(ctx.db.selectFrom('products').selectAll('products'), PRODUCT_LIST, query);
  return { data: page.rows.map(present), nextCursor: page.nextCursor };
}

export async function getProduct(ctx: Ctx, id: string): Promise<Product> {
  const row = await ctx.db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Product');
  return present(row);
}

async function assertSkuFree(ctx: Ctx, sku: string | null | undefined, exceptId?: string) {
  if (!sku) return;
  const other = await ctx.db.selectFrom('products').select('id').where('sku', '=', sku).executeTakeFirst();
  if (other && other.id !== exceptId)
    throw conflict('Another product has this SKU', [{ path: 'sku', message: 'already in use' }]);
}

export async function createProduct(ctx: Ctx, actor: Actor, input: CreateProduct): Promise<Product> {
  assertCatalogueEditor(actor);
  const sku = input.sku?.trim() || null;
  await assertSkuFree(ctx, sku);
  const now = isoNow(ctx.clock);
  const row: ProductRow = {
    id: newId(),
    name: input.name.trim(),
    sku,
    unit: input.unit?.trim() || 'Stk.',
    unitPriceCents: input.unitPriceCents,
    taxRate: input.taxRate ?? 19,
    description: input.description?.trim() || null,
    active: input.active === false ? 0 : 1,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await ctx.db.insertInto('products').values(row).execute();
  return present(row);
}

export async function updateProduct(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: UpdateProduct,
  expected?: number,
): Promise<Product> {
  assertCatalogueEditor(actor);
  const current = await getProduct(ctx, id);
  if (input.sku !== undefined) await assertSkuFree(ctx, input.sku?.trim() || null, id);
  const { active, sku, ...rest } = input;
  let q = ctx.db
    .updateTable('products')
    .set({
      ...rest,
      ...(sku !== undefined ? { sku: sku?.trim() || null } : {}),
      ...(active !== undefined ? { active: active ? 1 : 0 } : {}),
      updatedAt: isoNow(ctx.clock),
      version: sql`version + 1` as unknown as number,
    })
    .where('id', '=', id);
  if (expected !== undefined) q = q.where('version', '=', expected);
  const row = await q.returningAll().executeTakeFirst();
  if (!row) throw versionMismatch(current.version);
  return present(row);
}

/** Products used on deals are retired (active=false) rather than deleted, so old offers stay intact. */
export async function deleteProduct(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  assertCatalogueEditor(actor);
  await getProduct(ctx, id);
  const used = await ctx.db.selectFrom('lineItems').select('id').where('productId', '=', id).executeTakeFirst();
  if (used)
    throw new AppError('conflict', 'The product is used on deals; set it inactive instead', [
      { path: 'active', message: 'product in use' },
    ]);
  await ctx.db.deleteFrom('products').where('id', '=', id).execute();
}

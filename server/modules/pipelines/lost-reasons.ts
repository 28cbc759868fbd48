import { type Kysely, sql, type Transaction } from 'kysely';
import { type Static, Type } from 'typebox';
import { type Actor, isAdmin } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { DB } from '../../db/schema.ts';
import { actorOf } from '../../http/auth.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { containsText, type ListSpec, listPage, listQuery } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses, Stamps } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';

// The admin-kept list of reasons a deal was lost: schema, rules and routes of a very small module part.

export const LostReasonSchema = Type.Object(
  { ...Stamps, name: Type.String(), position: Type.Integer(), active: Type.Boolean() },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0lr',
        name: 'Zu teuer',
        position: 0,
        active: true,
        createdAt: '2026-11-02T08:00:00.000Z',
        updatedAt: '2026-11-02T08:00:00.000Z',
        version: 1,
      },
    ],
  },
);
type LostReason = Static<typeof LostReasonSchema>;
const Input = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    position: Type.Optional(Type.Integer({ minimum: 0 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, examples: [{ name: 'Zu teuer' }] },
);
const Patch = Type.Partial(Input, { additionalProperties: false, minProperties: 1, examples: [{ active: false }] });

type Row = { id: string; name: string; position: number; active: number; createdAt: string; updatedAt: string; version: number };
const present = (r: Row): LostReason => ({ ...r, active: r.active === 1 });

export async function activeLostReasons(ctx: Pick<Ctx, 'db'>): Promise<string[]> {
  const rows = await ctx.db.selectFrom('lostReasons').select('name').where('active', '=', 1).execute();
  return rows.map((r) => r.name);
}

export const DEFAULT_LOST_REASONS = ['Zu teuer', 'Kein Bedarf mehr', 'Wettbewerber gewählt', 'Nicht erreichbar', 'Sonstiges'];

export async function seedLostReasons(db: Kysely<DB> | Transaction<DB>, now: string): Promise<void> {
  for (const [position, name] of DEFAULT_LOST_REASONS.entries()) {
    await db
      .insertInto('lostReasons')
      .values({ id: newId(), name, position, active: 1, createdAt: now, updatedAt: now, version: 1 })
      .execute();
  }
}

/** One page holds them all (200), by position and then name unless sorted otherwise. */
const LOST_REASON_LIST: ListSpec = {
  defaultSort: 'position',
  defaultLimit: 200,
  idColumn: 'lostReasons.id',
  sortable: {
    position: { expr: sql`printf('%010d|%s', lost_reasons.position, lower(lost_reasons.name))` },
    name: { expr: sql`lower(lost_reasons.name)` },
    createdAt: { expr: 'lostReasons.createdAt' },
  },
  filters: {
    active: { expr: 'lostReasons.active', kind: 'bool', schema: Type.Boolean() },
    name: { expr: 'lostReasons.name', kind: 'ci', schema: Type.String({ maxLength: 100 }) },
  },
  search: containsText('lostReasons.name'),
};

function assertAdmin(actor: Actor) {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can change the lost reasons');
}

export function lostReasonsRoutes(app: App, { ctx }: RouteDeps): void {
  const tags = ['Pipelines'];
  app.get(
    '/api/v1/lost-reasons',
    {
      schema: {
        tags,
        summary: 'The reasons a deal can be lost (all fit in one page of 200)',
        querystring: listQuery(LOST_REASON_LIST),
        response: { 200: ListOf(LostReasonSchema), ...problemResponses },
      },
    },
    async (request) => {
      actorOf(request);
      const page = await listPage(ctx.db.selectFrom('lostReasons').selectAll(), LOST_REASON_LIST, request.query);
      return { data: page.rows.map(present), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/api/v1/lost-reasons',
    {
      schema: {
        tags,
        summary: 'Add a lost reason (admin)',
        body: Input,
        response: { 201: LostReasonSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      assertAdmin(actorOf(request));
      const now = isoNow(ctx.clock);
      const row: Row = {
        id: newId(),
        name: request.body.name.trim(),
        position: request.body.position ?? 0,
        active: request.body.active === false ? 0 : 1,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await ctx.db.insertInto('lostReasons').values(row).execute();
      return reply.code(201).send(present(row));
    },
  );
  app.patch(
    '/api/v1/lost-reasons/:id',
    {
      schema: {
        tags,
        summary: 'Rename, reorder or retire a lost reason (admin)',
        params: IdParams,
        body: Patch,
        response: { 200: LostReasonSchema, ...problemResponses },
      },
    },
    async (request) => {
      assertAdmin(actorOf(request));
      const b = request.body;
      const row = await ctx.db
        .updateTable('lostReasons')
        .set({
          ...(b.name !== undefined ? { name: b.name.trim() } : {}),
          ...(b.position !== undefined ? { position: b.position } : {}),
          ...(b.active !== undefined ? { active: b.active ? 1 : 0 } : {}),
          updatedAt: isoNow(ctx.clock),
          version: sql`version + 1` as unknown as number,
        })
        .where('id', '=', request.params.id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound('Lost reason');
      return present(row);
    },
  );
}

import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import { actorOf } from '../../http/auth.ts';
import { IdParams, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { getVisibleCompany } from '../companies/companies.service.ts';
import { getVisibleContact } from '../contacts/contacts.service.ts';

export const RecordStatsSchema = Type.Object(
  {
    deals: Type.Integer(),
    openDeals: Type.Integer(),
    wonDeals: Type.Integer(),
    lostDeals: Type.Integer(),
    wonRevenueCents: Type.Integer({ description: 'Net amount of won deals' }),
    averageDealCents: Type.Integer({ description: 'Average net amount of won deals (0 without any)' }),
    openPipelineCents: Type.Integer(),
    lastContactAt: Type.Union([Type.String(), Type.Null()], { description: 'The newest call, e-mail, meeting or note' }),
    daysSinceLastContact: Type.Union([Type.Integer(), Type.Null()]),
    dealsPerMonth: Type.Number({ description: 'Deals opened per month over the last 12 months' }),
    visitsPerMonth: Type.Number({ description: 'Meetings and calls per month over the last 12 months' }),
  },
  {
    examples: [
      {
        deals: 5,
        openDeals: 1,
        wonDeals: 3,
        lostDeals: 1,
        wonRevenueCents: 1250000,
        averageDealCents: 416667,
        openPipelineCents: 300000,
        lastContactAt: '2026-11-20T10:00:00.000Z',
        daysSinceLastContact: 8,
        dealsPerMonth: 0.42,
        visitsPerMonth: 1.5,
      },
    ],
  },
);

type Column = 'contact_id' | 'company_id';

/** The figures on a contact's or company's card, computed live from deals and activities. */
export async function recordStats(ctx: Ctx, column: Column, id: string) {
  const now = ctx.clock.now();
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString();
  const d = await sql<{
    deals: number;
    open: number;
    won: number;
    lost: number;
    wonCents: number;
    openCents: number;
    recent: number;
  }>`
    SELECT count(*) AS deals,
      coalesce(sum(status = 'open'), 0) AS open,
      coalesce(sum(status = 'won'), 0) AS won,
      coalesce(sum(status = 'lost'), 0) AS lost,
      coalesce(sum(CASE WHEN status = 'won' THEN amount_cents END), 0) AS won_cents,
      coalesce(sum(CASE WHEN status = 'open' THEN amount_cents END), 0) AS open_cents,
      coalesce(sum(created_at >= ${yearAgo}), 0) AS recent
    FROM deals WHERE ${sql.ref(column)} = ${id}`.execute(ctx.db);
  const a = await sql<{ last: string | null; visits: number }>`
    SELECT max(occurred_at) AS last, coalesce(sum(type IN ('meeting', 'call') AND occurred_at >= ${yearAgo}), 0) AS visits
    FROM activities WHERE ${sql.ref(column)} = ${id}`.execute(ctx.db);
  const deals = d.rows[0] as NonNullable<(typeof d.rows)[0]>;
  const acts = a.rows[0] as NonNullable<(typeof a.rows)[0]>;
  const won = Number(deals.won);
  const last = acts.last;
  return {
    deals: Number(deals.deals),
    openDeals: Number(deals.open),
    wonDeals: won,
    lostDeals: Number(deals.lost),
    wonRevenueCents: Number(deals.wonCents),
    averageDealCents: won > 0 ? Math.round(Number(deals.wonCents) / won) : 0,
    openPipelineCents: Number(deals.openCents),
    lastContactAt: last,
    daysSinceLastContact: last ? Math.floor((now.getTime() - Date.parse(last)) / 86_400_000) : null,
    dealsPerMonth: Math.round((Number(deals.recent) / 12) * 100) / 100,
    visitsPerMonth: Math.round((Number(acts.visits) / 12) * 100) / 100,
  };
}

export function statsRoutes(app: App, { ctx }: RouteDeps): void {
  const routes: [string, Column, (ctx: Ctx, actor: Actor, id: string) => Promise<unknown>][] = [
    ['contacts', 'contact_id', getVisibleContact],
    ['companies', 'company_id', getVisibleCompany],
  ];
  for (const [path, column, visible] of routes) {
    app.get(
      `/api/v1/${path}/:id/stats`,
      {
        schema: {
          tags: ['Timeline'],
          summary: 'Figures for the card: deals, won revenue, average deal, last contact, purchase and visit frequency',
          params: IdParams,
          response: { 200: RecordStatsSchema, ...problemResponses },
        },
      },
      async (request) => {
        await visible(ctx, actorOf(request), request.params.id);
        return recordStats(ctx, column, request.params.id);
      },
    );
  }
}

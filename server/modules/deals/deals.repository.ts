import { type Kysely, sql, type Transaction } from 'kysely';
import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import { canSeeRecord } from '../../core/scope.ts';
import type { CustomFieldRow, DB, DealRow } from '../../db/schema.ts';
import { applyKeyset, type ListParams, type ListSpec, listPage, pageOf } from '../../http/list.ts';
import { applyRecordFilters, type RecordListSpec } from '../../http/record-query.ts';
import { matchesSearch } from '../search/fts.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type DealWithNames = DealRow & { contactName: string | null; companyName: string | null };

const Ref = Type.String({ maxLength: 64 });
const NullableRef = Type.String({ maxLength: 64, description: 'null for none' });

export const DEAL_LIST: RecordListSpec = {
  table: 'deals',
  entity: 'deal',
  defaultSort: '-updatedAt',
  idColumn: 'deals.id',
  sortable: {
    title: { expr: sql`lower(deals.title)` },
    amountCents: { expr: 'deals.amountCents' },
    expectedCloseDate: { expr: 'deals.expectedCloseDate' },
    stageEnteredAt: { expr: 'deals.stageEnteredAt' },
    closedAt: { expr: 'deals.closedAt' },
    createdAt: { expr: 'deals.createdAt' },
    updatedAt: { expr: 'deals.updatedAt' },
  },
  filters: {
    title: { expr: 'deals.title', kind: 'ci', schema: Type.String({ maxLength: 200 }) },
    pipelineId: { expr: 'deals.pipelineId', schema: Ref },
    stageId: { expr: 'deals.stageId', schema: Ref },
    ownerId: { expr: 'deals.ownerId', kind: 'nullable', schema: NullableRef },
    contactId: { expr: 'deals.contactId', kind: 'nullable', schema: NullableRef },
    companyId: { expr: 'deals.companyId', kind: 'nullable', schema: NullableRef },
    currency: { expr: 'deals.currency', kind: 'ci', schema: Type.String({ maxLength: 3, description: 'ISO 4217, e.g. EUR' }) },
    expectedCloseDate: {
      expr: 'deals.expectedCloseDate',
      kind: 'nullable',
      schema: Type.String({ maxLength: 10, description: 'YYYY-MM-DD; null for none' }),
    },
    status: {
      expr: 'deals.status',
      schema: Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost')]),
    },
    lostReason: {
      expr: 'deals.lostReason',
      kind: 'nullable',
      schema: Type.String({ maxLength: 200, description: 'null for none' }),
    },
    tags: { expr: 'deals.tags', kind: 'tag', schema: Type.String({ maxLength: 50, description: 'has this tag' }) },
    tag: { expr: 'deals.tags', kind: 'tag', schema: Type.String({ maxLength: 50, description: 'the same as tags' }) },
    source: { expr: 'deals.source' },
    externalId: { expr: 'deals.externalId' },
  },
  search: (text) => matchesSearch('deal', 'deals.id', text),
};

/** Deals the actor may see, with contact and company names: the base of every read. */
export function visibleDeals(db: Db, actor: Actor) {
  return db
    .selectFrom('deals')
    .leftJoin('contacts', 'contacts.id', 'deals.contactId')
    .leftJoin('companies', 'companies.id', 'deals.companyId')
    .where(canSeeRecord(actor, 'deal'))
    .selectAll('deals')
    .select([
      sql<string | null>`nullif(trim(coalesce(contacts.first_name, '') || ' ' || coalesce(contacts.last_name, '')), '')`.as(
        'contactName',
      ),
      'companies.name as companyName',
    ]);
}

export function dealListQuery(db: Db, actor: Actor, defs: CustomFieldRow[], query: Record<string, unknown>) {
  let q = applyRecordFilters(visibleDeals(db, actor), DEAL_LIST, defs, query);
  if (typeof query.q === 'string' && query.q.trim()) q = q.where(matchesSearch('deal', 'deals.id', query.q));
  return q;
}

export async function listDeals(
  db: Db,
  actor: Actor,
  defs: CustomFieldRow[],
  query: Record<string, unknown>,
  params: ListParams,
  sortable: RecordListSpec['sortable'],
) {
  const rows = await applyKeyset(dealListQuery(db, actor, defs, query), params, sortable, 'deals.id').execute();
  return pageOf(rows, params);
}

export function findVisibleDeal(db: Db, actor: Actor, id: string): Promise<DealWithNames | undefined> {
  return visibleDeals(db, actor).where('deals.id', '=', id).executeTakeFirst();
}

export function findDeal(db: Db, id: string): Promise<DealRow | undefined> {
  return db.selectFrom('deals').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDeal(db: Db, row: DealRow): Promise<void> {
  await db.insertInto('deals').values(row).execute();
}

/** Updates a deal; `bump: false` for derived values written in the same change that already counted. */
export async function updateDeal(db: Db, id: string, changes: Partial<DealRow>, now: string, expected?: number, bump = true) {
  let q = db
    .updateTable('deals')
    .set({ ...changes, updatedAt: now, ...(bump ? { version: sql`version + 1` as unknown as number } : {}) })
    .where('id', '=', id);
  if (expected !== undefined) q = q.where('version', '=', expected);
  return q.returningAll().executeTakeFirst();
}

export async function deleteDeal(db: Db, id: string): Promise<void> {
  await db.deleteFrom('deals').where('id', '=', id).execute();
}

export async function insertStageChange(
  db: Db,
  row: {
    id: string;
    dealId: string;
    pipelineId: string;
    fromStageId: string | null;
    toStageId: string;
    userId: string | null;
    at: string;
    secondsInPrevious: number | null;
  },
): Promise<void> {
  await db.insertInto('dealStageHistory').values(row).execute();
}

/** A deal's stage changes, oldest first; one page holds 200. */
export const HISTORY_LIST: ListSpec = {
  defaultSort: 'at',
  defaultLimit: 200,
  idColumn: 'dealStageHistory.id',
  sortable: { at: { expr: 'dealStageHistory.at' } },
  filters: {
    fromStageId: { expr: 'dealStageHistory.fromStageId', kind: 'nullable', schema: NullableRef },
    toStageId: { expr: 'dealStageHistory.toStageId', schema: Ref },
    userId: { expr: 'dealStageHistory.userId', kind: 'nullable', schema: NullableRef },
  },
};

export function stageHistory(db: Db, dealId: string, query: Record<string, unknown>) {
  return listPage(
    db
      .selectFrom('dealStageHistory')
      .leftJoin('users', 'users.id', 'dealStageHistory.userId')
      .selectAll('dealStageHistory')
      .select('users.name as userName')
      .where('dealStageHistory.dealId', '=', dealId),
    HISTORY_LIST,
    query,
  );
}

export async function countLineItems(db: Db, dealId: string): Promise<number> {
  const row = await db
    .selectFrom('lineItems')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('dealId', '=', dealId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Per stage: how many visible deals, their amount and probability-weighted amount (board header). */
export function stageTotals(db: Db, actor: Actor, pipelineId: string, filters: Record<string, unknown>) {
  return applyRecordFilters(
    db
      .selectFrom('deals')
      .innerJoin('stages', 'stages.id', 'deals.stageId')
      .where('deals.pipelineId', '=', pipelineId)
      .where(canSeeRecord(actor, 'deal')),
    DEAL_LIST,
    [],
    filters,
  )
    .select([
      'deals.stageId',
      (eb) => eb.fn.countAll<number>().as('count'),
      sql<number>`coalesce(sum(deals.amount_cents), 0)`.as('amountCents'),
      sql<number>`coalesce(sum(deals.amount_cents * stages.probability / 100.0), 0)`.as('weighted'),
    ])
    .groupBy('deals.stageId')
    .execute();
}

/** The first cards of one stage, most recently moved first, each with its next open task. */
export function stageCards(db: Db, actor: Actor, stageId: string, filters: Record<string, unknown>, limit: number) {
  return applyRecordFilters(visibleDeals(db, actor).where('deals.stageId', '=', stageId), DEAL_LIST, [], filters)
    .select(
      sql<string | null>`(SELECT json_object('id', t.id, 'title', t.title, 'dueAt', t.due_at) FROM tasks t
        WHERE t.deal_id = deals.id AND t.status = 'open' ORDER BY t.due_at IS NULL, t.due_at LIMIT 1)`.as('nextTaskJson'),
    )
    .orderBy('deals.stageEnteredAt', 'desc')
    .orderBy('deals.id', 'desc')
    .limit(limit)
    .execute();
}

import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Owners, ownerIn } from './scope.ts';

// SQL of the sales reports. Every query counts only what belongs to owners the caller may see (scope.ts).
// Indexes and summary tables: migrations/20261128200000_reports.ts. Without ANALYZE statistics SQLite
// sometimes prefers an index that sorts or visits every deal; INDEXED BY pins the intended one.

type Db = Kysely<DB> | Transaction<DB>;

export interface DealScope {
  /** Whose records count (scope.ts countedOwners). */
  owners: Owners;
  pipelineId?: string;
}

export interface Range {
  start: string;
  end: string;
}

/** The scope on a table with owner_id and pipeline_id columns (deals, report_leads). */
function owned(table: string, scope: DealScope): Expression<SqlBool> {
  const pipeline = scope.pipelineId ? sql`AND ${sql.ref(`${table}.pipelineId`)} = ${scope.pipelineId}` : sql``;
  return sql<SqlBool>`(${ownerIn(`${table}.ownerId`, scope.owners)} ${pipeline})`;
}

const num = (v: unknown) => Number(v ?? 0);

/**
 * Per stage of a pipeline: deals that entered it for the first time in the period and, of those, how many
 * went on to a stage further right that is not a lost stage (report_stage_events, kept by triggers).
 */
export async function funnelEntries(db: Db, scope: DealScope & { pipelineId: string }, range: Range) {
  const result = await sql<{ stageId: string; entered: number; advanced: number }>`
    SELECT e.stage_id, count(*) AS entered, sum(e.advanced) AS advanced
    FROM report_stage_events e INDEXED BY report_stage_events_funnel
    WHERE e.stage_id IN (SELECT id FROM stages WHERE pipeline_id = ${scope.pipelineId}) AND e.first_entry = 1
      AND e.at >= ${range.start} AND e.at < ${range.end}
      AND ${ownerIn('e.ownerId', scope.owners)}
    GROUP BY e.stage_id`.execute(db);
  return result.rows.map((r) => ({ stageId: r.stageId, entered: num(r.entered), advanced: num(r.advanced) }));
}

/** Deals closed (won or lost) in the period that are still closed, per status, with their net amounts. */
export async function closedTotals(db: Db, scope: DealScope, range: Range) {
  const result = await sql<{ status: 'won' | 'lost'; n: number; cents: number }>`
    SELECT deals.status, count(*) AS n, coalesce(sum(deals.amount_cents), 0) AS cents
    FROM deals INDEXED BY deals_reports_closed
    WHERE deals.status IN ('won', 'lost') AND deals.closed_at >= ${range.start} AND deals.closed_at < ${range.end}
      AND ${owned('deals', scope)}
    GROUP BY deals.status`.execute(db);
  return result.rows.map((r) => ({ status: r.status, count: num(r.n), cents: num(r.cents) }));
}

/** Won deals closed in the period per owner. */
export async function wonByOwner(db: Db, scope: DealScope, range: Range) {
  const result = await sql<{ ownerId: string | null; n: number; cents: number }>`
    SELECT deals.owner_id, count(*) AS n, coalesce(sum(deals.amount_cents), 0) AS cents
    FROM deals INDEXED BY deals_reports_owner
    WHERE deals.status = 'won' AND deals.closed_at >= ${range.start} AND deals.closed_at < ${range.end}
      AND ${owned('deals', scope)}
    GROUP BY deals.owner_id`.execute(db);
  return result.rows.map((r) => ({ ownerId: r.ownerId, count: num(r.n), cents: num(r.cents) }));
}

export interface Bucket {
  key: string;
  start: string;
  end: string;
}

/** A VALUES table of buckets (key, start, end) for a CTE. */
export const bucketRows = (buckets: Bucket[]) => sql.join(buckets.map((b) => sql`(${b.key}, ${b.start}, ${b.end})`));

/** Won deals closed in each bucket (a month of the period, cut in the company's time zone). */
export async function wonByBucket(db: Db, scope: DealScope, buckets: Bucket[]) {
  const result = await sql<{ bucket: string; n: number; cents: number }>`
    WITH m(bucket, s, e) AS (VALUES ${bucketRows(buckets)})
    SELECT m.bucket, count(*) AS n, coalesce(sum(deals.amount_cents), 0) AS cents
    FROM m JOIN deals INDEXED BY deals_reports_closed
      ON deals.status = 'won' AND deals.closed_at >= m.s AND deals.closed_at < m.e
    WHERE ${owned('deals', scope)}
    GROUP BY m.bucket`.execute(db);
  return result.rows.map((r) => ({ bucket: r.bucket, count: num(r.n), cents: num(r.cents) }));
}

/** Open deals per expected close date (null: none), with amount and probability-weighted amount. */
export async function openByCloseDate(db: Db, scope: DealScope, dates: { from?: string; to?: string }) {
  const from = dates.from ? sql`AND deals.expected_close_date >= ${dates.from}` : sql``;
  const to = dates.to ? sql`AND deals.expected_close_date <= ${dates.to}` : sql``;
  const result = await sql<{ date: string | null; n: number; cents: number; weighted: number }>`
    SELECT deals.expected_close_date AS date, count(*) AS n, coalesce(sum(deals.amount_cents), 0) AS cents,
      coalesce(sum(deals.amount_cents * (SELECT s.probability FROM stages s WHERE s.id = deals.stage_id) / 100.0), 0) AS weighted
    FROM deals INDEXED BY deals_reports_open
    WHERE deals.status = 'open' ${from} ${to} AND ${owned('deals', scope)}
    GROUP BY deals.expected_close_date`.execute(db);
  return result.rows.map((r) => ({ date: r.date, count: num(r.n), cents: num(r.cents), weighted: num(r.weighted) }));
}

/** Open deals per stage of a pipeline now: count, amount, and their average days in the stage so far. */
export async function openByStage(db: Db, scope: DealScope & { pipelineId: string }, now: string) {
  const result = await sql<{ stageId: string; n: number; cents: number; days: number | null }>`
    SELECT deals.stage_id, count(*) AS n, coalesce(sum(deals.amount_cents), 0) AS cents,
      avg(julianday(${now}) - julianday(deals.stage_entered_at)) AS days
    FROM deals INDEXED BY deals_reports_stage
    WHERE deals.status = 'open' AND ${owned('deals', scope)}
    GROUP BY deals.stage_id`.execute(db);
  return result.rows.map((r) => ({
    stageId: r.stageId,
    count: num(r.n),
    cents: num(r.cents),
    days: r.days === null ? null : Number(r.days),
  }));
}

/** Deals created in the period by lead source (the deal's, else its contact's), with what became of them. */
export async function leadsBySource(db: Db, scope: DealScope, range: Range) {
  const result = await sql<{ source: string | null; n: number; open: number; won: number; lost: number; wonCents: number }>`
    SELECT l.source, count(*) AS n, sum(l.status = 'open') AS open, sum(l.status = 'won') AS won, sum(l.status = 'lost') AS lost,
      coalesce(sum(CASE WHEN l.status = 'won' THEN l.amount_cents END), 0) AS won_cents
    FROM report_leads l INDEXED BY report_leads_source
    WHERE l.created_at >= ${range.start} AND l.created_at < ${range.end} AND ${owned('l', scope)}
    GROUP BY l.source`.execute(db);
  return result.rows.map((r) => ({
    source: r.source,
    leads: num(r.n),
    open: num(r.open),
    won: num(r.won),
    lost: num(r.lost),
    wonCents: num(r.wonCents),
  }));
}

/**
 * Stays in the pipeline's stages that ended in the period, per stage as a JSON array of seconds: one
 * streaming pass over the index (from_stage_id, at, owner_id, seconds) whatever the number of stays.
 */
export async function stageStays(db: Db, scope: DealScope & { pipelineId: string }, range: Range) {
  const result = await sql<{ stageId: string; seconds: string }>`
    SELECT e.from_stage_id AS stage_id, json_group_array(e.seconds_in_previous) AS seconds
    FROM report_stage_events e INDEXED BY report_stage_events_stays
    WHERE e.from_stage_id IN (SELECT id FROM stages WHERE pipeline_id = ${scope.pipelineId})
      AND e.at >= ${range.start} AND e.at < ${range.end} AND e.seconds_in_previous IS NOT NULL
      AND ${ownerIn('e.ownerId', scope.owners)}
    GROUP BY e.from_stage_id`.execute(db);
  return new Map(result.rows.map((r) => [r.stageId, JSON.parse(r.seconds) as number[]]));
}

/** Deals lost in the period (still lost), by reason, most frequent first. */
export async function lostByReason(db: Db, scope: DealScope, range: Range) {
  const result = await sql<{ reason: string | null; n: number; cents: number }>`
    SELECT nullif(trim(deals.lost_reason), '') AS reason, count(*) AS n, coalesce(sum(deals.amount_cents), 0) AS cents
    FROM deals INDEXED BY deals_reports_closed
    WHERE deals.status = 'lost' AND deals.closed_at >= ${range.start} AND deals.closed_at < ${range.end}
      AND ${owned('deals', scope)}
    GROUP BY 1 ORDER BY n DESC, reason`.execute(db);
  return result.rows.map((r) => ({ reason: r.reason, count: num(r.n), cents: num(r.cents) }));
}

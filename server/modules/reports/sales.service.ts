import type { Actor } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import { invalid } from '../../http/errors.ts';
import { ascending, average, median, ratio, round } from './figures.ts';
import { countedUsers, userNames } from './people.repository.ts';
import { monthBuckets, monthsOf } from './period.ts';
import type { ForecastReport, PipelineReport, TimeInStageReport } from './pipeline.schemas.ts';
import { periodInfo, pipelineOf, prepare } from './prepare.ts';
import type { ReportFilter } from './reports.schemas.ts';
import * as repo from './sales.repository.ts';
import type { FunnelReport, LostReasonsReport, RevenueReport, SourcesReport } from './sales.schemas.ts';
import { listTargets } from './targets.repository.ts';

const DAY_SECONDS = 86_400;
const stageColumns = (s: { id: string; name: string; key: string | null; kind: 'open' | 'won' | 'lost' }) => ({
  stageId: s.id,
  name: s.name,
  key: s.key,
  kind: s.kind,
});

/** Sales funnel: entries per stage in the period, conversion to a later stage, won/lost and win rate. */
export async function funnelReport(ctx: Ctx, actor: Actor, filter: ReportFilter): Promise<FunnelReport> {
  const { period, scope } = await prepare(ctx, actor, filter);
  const { pipeline, stages } = await pipelineOf(ctx, filter.pipelineId);
  const inPipeline = { ...scope, pipelineId: pipeline.id };
  const entries = new Map((await repo.funnelEntries(ctx.db, inPipeline, period)).map((e) => [e.stageId, e]));
  const closed = await repo.closedTotals(ctx.db, inPipeline, period);
  const won = closed.find((c) => c.status === 'won') ?? { count: 0, cents: 0 };
  const lost = closed.find((c) => c.status === 'lost') ?? { count: 0, cents: 0 };
  return {
    period: periodInfo(period),
    pipelineId: pipeline.id,
    pipelineName: pipeline.name,
    stages: stages.map((s) => {
      const e = entries.get(s.id);
      const entered = e?.entered ?? 0;
      const advanced = s.kind === 'open' ? (e?.advanced ?? 0) : null;
      return { ...stageColumns(s), entered, advanced, conversionRate: advanced === null ? null : ratio(advanced, entered) };
    }),
    won: won.count,
    lost: lost.count,
    winRate: ratio(won.count, won.count + lost.count),
    wonAmountCents: won.cents,
    lostAmountCents: lost.cents,
  };
}

interface Sums {
  wonCount: number;
  wonAmountCents: number;
  targetCents: number | null;
}
const figures = <T extends Sums>(s: T) => ({
  ...s,
  attainment: s.targetCents === null ? null : ratio(s.wonAmountCents, s.targetCents),
});

/** Won revenue (net, by close date) per user or per month, next to the targets set for them. */
export async function revenueReport(
  ctx: Ctx,
  actor: Actor,
  filter: ReportFilter & { groupBy?: 'user' | 'month' },
): Promise<RevenueReport> {
  const { period, scope } = await prepare(ctx, actor, filter);
  const groupBy = filter.groupBy ?? 'user';
  const months = monthsOf(period);
  const targets = await listTargets(ctx.db, actor, filter, { from: months[0] as string, to: months.at(-1) as string });
  const rows = new Map<string, Sums & { userId: string | null; month: string | null }>();
  const row = (key: string, userId: string | null, month: string | null) => {
    let r = rows.get(key);
    if (!r) {
      r = { userId, month, wonCount: 0, wonAmountCents: 0, targetCents: null };
      rows.set(key, r);
    }
    return r;
  };
  const addTarget = (r: Sums, cents: number) => {
    r.targetCents = (r.targetCents ?? 0) + cents;
  };

  if (groupBy === 'user') {
    for (const u of await countedUsers(ctx.db, actor, filter, ['manager', 'head'])) row(u.id, u.id, null);
    for (const w of await repo.wonByOwner(ctx.db, scope, period)) {
      const r = row(w.ownerId ?? 'none', w.ownerId, null);
      r.wonCount += w.count;
      r.wonAmountCents += w.cents;
    }
    for (const t of targets) addTarget(row(t.userId, t.userId, null), t.amountCents);
  } else {
    for (const m of months) row(m, null, m);
    for (const w of await repo.wonByBucket(ctx.db, scope, monthBuckets(period))) {
      const r = row(w.bucket, null, w.bucket);
      r.wonCount += w.count;
      r.wonAmountCents += w.cents;
    }
    for (const t of targets) addTarget(row(t.month, null, t.month), t.amountCents);
  }

  const names = await userNames(
    ctx.db,
    [...rows.values()].flatMap((r) => (r.userId ? [r.userId] : [])),
  );
  let list = [...rows.entries()].map(([key, r]) => {
    const userName = r.userId ? (names.get(r.userId) ?? null) : null;
    return { key, label: r.month ?? userName ?? '—', userName, ...figures(r) };
  });
  list =
    groupBy === 'user'
      ? list.sort((a, b) => b.wonAmountCents - a.wonAmountCents || a.label.localeCompare(b.label, 'de'))
      : list.sort((a, b) => a.key.localeCompare(b.key));
  const targetSum = targets.reduce<number | null>((sum, t) => (sum ?? 0) + t.amountCents, null);
  return {
    period: periodInfo(period),
    groupBy,
    currency: 'EUR',
    rows: list,
    total: figures({
      wonCount: list.reduce((s, r) => s + r.wonCount, 0),
      wonAmountCents: list.reduce((s, r) => s + r.wonAmountCents, 0),
      targetCents: targetSum,
    }),
  };
}

/** Open deals by expected close month: amount and amount weighted by the stage's probability. */
export async function forecastReport(ctx: Ctx, actor: Actor, filter: ReportFilter): Promise<ForecastReport> {
  if (filter.from && filter.to && filter.from > filter.to) throw invalid('from', 'must not be after to');
  const { scope } = await prepare(ctx, actor, { ...filter, from: undefined, to: undefined });
  const months = new Map<string | null, { count: number; amountCents: number; weightedCents: number }>();
  for (const d of await repo.openByCloseDate(ctx.db, scope, filter)) {
    const key = d.date?.slice(0, 7) ?? null;
    const m = months.get(key) ?? { count: 0, amountCents: 0, weightedCents: 0 };
    m.count += d.count;
    m.amountCents += d.cents;
    m.weightedCents += d.weighted;
    months.set(key, m);
  }
  const rows = [...months.entries()]
    .map(([month, m]) => ({ month, ...m, weightedCents: Math.round(m.weightedCents) }))
    // deals without an expected close date last
    .sort((a, b) => (a.month === null ? 1 : b.month === null ? -1 : a.month.localeCompare(b.month)));
  return {
    from: filter.from ?? null,
    to: filter.to ?? null,
    rows,
    total: {
      count: rows.reduce((s, r) => s + r.count, 0),
      amountCents: rows.reduce((s, r) => s + r.amountCents, 0),
      weightedCents: rows.reduce((s, r) => s + r.weightedCents, 0),
    },
  };
}

/** The open pipeline now: per open stage its deals, amount and weighted amount. */
export async function pipelineReport(ctx: Ctx, actor: Actor, filter: ReportFilter): Promise<PipelineReport> {
  const { scope } = await prepare(ctx, actor, { ...filter, from: undefined, to: undefined });
  const { pipeline, stages } = await pipelineOf(ctx, filter.pipelineId);
  const open = new Map(
    (await repo.openByStage(ctx.db, { ...scope, pipelineId: pipeline.id }, ctx.clock.now().toISOString())).map((r) => [
      r.stageId,
      r,
    ]),
  );
  const rows = stages
    .filter((s) => s.kind === 'open')
    .map((s) => {
      const o = open.get(s.id);
      const amountCents = o?.cents ?? 0;
      return {
        ...stageColumns(s),
        count: o?.count ?? 0,
        amountCents,
        weightedCents: Math.round((amountCents * s.probability) / 100),
      };
    });
  return {
    pipelineId: pipeline.id,
    pipelineName: pipeline.name,
    rows,
    total: {
      count: rows.reduce((s, r) => s + r.count, 0),
      amountCents: rows.reduce((s, r) => s + r.amountCents, 0),
      weightedCents: rows.reduce((s, r) => s + r.weightedCents, 0),
    },
  };
}

/** Lead sources of the deals created in the period and how many of them were won. */
export async function sourcesReport(ctx: Ctx, actor: Actor, filter: ReportFilter): Promise<SourcesReport> {
  const { period, scope } = await prepare(ctx, actor, filter);
  const rows = (await repo.leadsBySource(ctx.db, scope, period))
    .map((r) => ({
      source: r.source,
      leads: r.leads,
      open: r.open,
      won: r.won,
      lost: r.lost,
      wonAmountCents: r.wonCents,
      conversionRate: ratio(r.won, r.leads),
    }))
    .sort((a, b) => b.leads - a.leads || (a.source ?? '\uffff').localeCompare(b.source ?? '\uffff', 'de'));
  const sum = (k: 'leads' | 'open' | 'won' | 'lost' | 'wonAmountCents') => rows.reduce((s, r) => s + r[k], 0);
  return {
    period: periodInfo(period),
    rows,
    total: {
      leads: sum('leads'),
      open: sum('open'),
      won: sum('won'),
      lost: sum('lost'),
      wonAmountCents: sum('wonAmountCents'),
      conversionRate: ratio(sum('won'), sum('leads')),
    },
  };
}

/** How long deals stay in each open stage: stays that ended in the period, and the deals there now. */
export async function timeInStageReport(ctx: Ctx, actor: Actor, filter: ReportFilter): Promise<TimeInStageReport> {
  const { period, scope } = await prepare(ctx, actor, filter);
  const { pipeline, stages } = await pipelineOf(ctx, filter.pipelineId);
  const inPipeline = { ...scope, pipelineId: pipeline.id };
  const open = stages.filter((s) => s.kind === 'open');
  const stays = await repo.stageStays(ctx.db, inPipeline, period);
  const current = new Map((await repo.openByStage(ctx.db, inPipeline, ctx.clock.now().toISOString())).map((r) => [r.stageId, r]));
  const days = (seconds: number | null) => (seconds === null ? null : round(seconds / DAY_SECONDS, 1));
  return {
    period: periodInfo(period),
    pipelineId: pipeline.id,
    pipelineName: pipeline.name,
    rows: open.map((s) => {
      const values = ascending(stays.get(s.id) ?? []);
      const now = current.get(s.id);
      return {
        ...stageColumns(s),
        exits: values.length,
        averageDays: days(average(values)),
        medianDays: days(median(values)),
        current: now?.count ?? 0,
        currentAverageDays: now?.days == null ? null : round(Math.max(0, now.days), 1),
      };
    }),
  };
}

/** Why deals were lost in the period, most frequent reason first. */
export async function lostReasonsReport(ctx: Ctx, actor: Actor, filter: ReportFilter): Promise<LostReasonsReport> {
  const { period, scope } = await prepare(ctx, actor, filter);
  const rows = await repo.lostByReason(ctx.db, scope, period);
  const count = rows.reduce((s, r) => s + r.count, 0);
  return {
    period: periodInfo(period),
    rows: rows.map((r) => ({ reason: r.reason, count: r.count, amountCents: r.cents, share: ratio(r.count, count) })),
    total: { count, amountCents: rows.reduce((s, r) => s + r.cents, 0) },
  };
}

import type { Actor } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import type { Role } from '../../db/schema.ts';
import { ascending, average, median, percentile, ratio, round } from './figures.ts';
import { countedUsers, userNames } from './people.repository.ts';
import { dayStart, localDate, monthBuckets } from './period.ts';
import { periodInfo, prepare } from './prepare.ts';
import type { ReportFilter } from './reports.schemas.ts';
import * as repo from './work.repository.ts';
import {
  type ACTIVITY_TYPES,
  type ActivityReport,
  RESPONSE_BUCKETS,
  type ResponseBucket,
  type ResponseTimeReport,
  type TasksReport,
} from './work.schemas.ts';

const WORKERS: Role[] = ['head', 'manager', 'specialist'];
const SALES: Role[] = ['head', 'manager'];

function bucketOf(minutes: number | null): ResponseBucket {
  if (minutes === null) return 'never';
  if (minutes < 15) return 'under15m';
  if (minutes < 60) return '15to60m';
  if (minutes < 240) return '1to4h';
  if (minutes < 1440) return '4to24h';
  return 'over24h';
}

/** Median, average and p90 in minutes of the contacted leads' seconds; never contacted leads are counted apart. */
export function responseFigures(leads: number, seconds: number[]) {
  const reached = ascending(seconds).map((s) => s / 60);
  const r = (v: number | null) => (v === null ? null : round(v, 1));
  return {
    leads,
    contacted: reached.length,
    never: leads - reached.length,
    medianMinutes: r(median(reached)),
    averageMinutes: r(average(reached)),
    p90Minutes: r(percentile(reached, 90)),
  };
}

async function namesFor(ctx: Ctx, actor: Actor, people: ReportFilter, roles: Role[], ids: (string | null)[]) {
  const listed = await countedUsers(ctx.db, actor, people, roles);
  const names = await userNames(
    ctx.db,
    ids.filter((id): id is string => id !== null && !listed.some((u) => u.id === id)),
  );
  for (const u of listed) names.set(u.id, u.name);
  return { order: listed.map((u) => u.id), names };
}

const byName = (a: { userName: string | null }, b: { userName: string | null }) =>
  (a.userName ?? '\uffff').localeCompare(b.userName ?? '\uffff', 'de');

/** Lead created → first contact: median, average, p90, distribution, and the same per owner. */
export async function responseTimeReport(ctx: Ctx, actor: Actor, filter: ReportFilter): Promise<ResponseTimeReport> {
  const { period, scope } = await prepare(ctx, actor, filter);
  const owners = await repo.leadResponses(ctx.db, scope, period);
  const counts = new Map<ResponseBucket, number>(RESPONSE_BUCKETS.map((b) => [b, 0]));
  let leads = 0;
  for (const o of owners) {
    leads += o.leads;
    counts.set('never', (counts.get('never') ?? 0) + o.leads - o.seconds.length);
    for (const s of o.seconds) counts.set(bucketOf(s / 60), (counts.get(bucketOf(s / 60)) ?? 0) + 1);
  }
  const perOwner = new Map(owners.map((o) => [o.ownerId, o]));
  const { order, names } = await namesFor(ctx, actor, filter, SALES, [...perOwner.keys()]);
  return {
    period: periodInfo(period),
    ...responseFigures(
      leads,
      owners.flatMap((o) => o.seconds),
    ),
    buckets: RESPONSE_BUCKETS.map((key) => ({ key, count: counts.get(key) ?? 0, share: ratio(counts.get(key) ?? 0, leads) })),
    byUser: [...new Set<string | null>([...order, ...perOwner.keys()])]
      .map((id) => ({
        userId: id,
        userName: id ? (names.get(id) ?? null) : null,
        ...responseFigures(perOwner.get(id)?.leads ?? 0, perOwner.get(id)?.seconds ?? []),
      }))
      .sort(byName),
  };
}

/** Per employee: open, overdue and due-today tasks now; done (late) and canceled in the period. */
export async function tasksReport(ctx: Ctx, actor: Actor, filter: ReportFilter): Promise<TasksReport> {
  const { period, scope, timeZone } = await prepare(ctx, actor, filter);
  const now = ctx.clock.now();
  const today = localDate(now, timeZone);
  const tomorrow = localDate(new Date(Date.parse(dayStart(today, timeZone)) + 36 * 3_600_000), timeZone);
  const todayRange = { start: dayStart(today, timeZone), end: dayStart(tomorrow, timeZone) };
  const open = await repo.openTasks(ctx.db, scope, now.toISOString(), todayRange);
  const closed = await repo.closedTasks(ctx.db, scope, period);
  const empty = { open: 0, overdue: 0, dueToday: 0, done: 0, doneLate: 0, canceled: 0 };
  const rows = new Map<string | null, typeof empty>();
  const { order, names } = await namesFor(
    ctx,
    actor,
    filter,
    WORKERS,
    [...open, ...closed].map((r) => r.assigneeId),
  );
  const rowFor = (id: string | null) => {
    let r = rows.get(id);
    if (!r) {
      r = { ...empty };
      rows.set(id, r);
    }
    return r;
  };
  for (const id of order) rowFor(id);
  for (const o of open) Object.assign(rowFor(o.assigneeId), { open: o.open, overdue: o.overdue, dueToday: o.dueToday });
  for (const c of closed) Object.assign(rowFor(c.assigneeId), { done: c.done, doneLate: c.late, canceled: c.canceled });
  const list = [...rows.entries()]
    .map(([id, r]) => ({
      userId: id,
      userName: id ? (names.get(id) ?? null) : null,
      open: r.open,
      overdue: r.overdue,
      dueToday: r.dueToday,
      done: r.done,
      doneLate: r.doneLate,
      canceled: r.canceled,
    }))
    .sort(byName);
  const total = { ...empty };
  for (const r of list) for (const k of Object.keys(total) as (keyof typeof empty)[]) total[k] += r[k];
  return { period: periodInfo(period), groupBy: 'user', rows: list, total };
}

type ActivityFigures = Record<(typeof ACTIVITY_TYPES)[number] | 'total', number>;
const noActivity = (): ActivityFigures => ({ call: 0, email: 0, meeting: 0, note: 0, total: 0 });

/** Activities in the period per employee (or month) and type. */
export async function activityReport(
  ctx: Ctx,
  actor: Actor,
  filter: ReportFilter & { groupBy?: 'user' | 'month' },
): Promise<ActivityReport> {
  const { period, scope } = await prepare(ctx, actor, filter);
  const groupBy = filter.groupBy ?? 'user';
  const buckets = groupBy === 'user' ? [{ key: 'all', start: period.start, end: period.end }] : monthBuckets(period);
  const counts = await repo.activityCounts(ctx.db, scope, buckets);
  const rows = new Map<string, ActivityFigures>();
  const total = noActivity();
  const add = (key: string, type: string, n: number) => {
    const r = rows.get(key) ?? noActivity();
    r[type as keyof ActivityFigures] += n;
    r.total += n;
    rows.set(key, r);
  };
  for (const c of counts) {
    total[c.type as keyof ActivityFigures] += c.count;
    total.total += c.count;
  }
  if (groupBy === 'user') {
    const { order, names } = await namesFor(
      ctx,
      actor,
      filter,
      WORKERS,
      counts.map((c) => c.userId),
    );
    for (const id of order) rows.set(id, noActivity());
    for (const c of counts) add(c.userId ?? 'none', c.type, c.count);
    const list = [...rows.entries()]
      .map(([key, r]) => {
        const userId = key === 'none' ? null : key;
        const userName = userId ? (names.get(userId) ?? null) : null;
        return { key, label: userName ?? '—', userId, userName, month: null, ...r };
      })
      .sort((a, b) => b.total - a.total || byName(a, b));
    return { period: periodInfo(period), groupBy, rows: list, total };
  }
  for (const b of buckets) rows.set(b.key, noActivity());
  for (const c of counts) add(c.bucket, c.type, c.count);
  const list = [...rows.entries()].map(([key, r]) => ({ key, label: key, userId: null, userName: null, month: key, ...r }));
  return { period: periodInfo(period), groupBy, rows: list, total };
}

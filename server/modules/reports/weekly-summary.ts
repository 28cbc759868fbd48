import type { Transaction } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import { formatMoney } from '../../core/format.ts';
import type { AfterCommit } from '../../core/tx.ts';
import type { DB, Locale } from '../../db/schema.ts';
import { formatDay, weekNumber } from '../notifications/messages.ts';
import { notify } from '../notifications/notifications.service.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import { businessHours } from '../settings/work-settings.ts';
import { activeHeads, countedOwners } from './people.repository.ts';
import { dayStart, localDate } from './period.ts';
import { closedTotals } from './sales.repository.ts';
import { pendingWeeklyDue, placeSlot, WEEKLY_KIND } from './weekly.repository.ts';
import { getWeeklySettings, isoWeek, nextOccurrence, reconcileWeeklySlot, slotKeyOf } from './weekly-schedule.ts';
import { leadResponses, openTasks } from './work.repository.ts';
import { responseFigures } from './work.service.ts';

const DAY = 86_400_000;

export interface WeeklyFigures {
  week: string;
  from: string;
  to: string;
  wonCount: number;
  wonAmountCents: number;
  lostCount: number;
  newLeads: number;
  contacted: number;
  medianResponseMinutes: number | null;
  overdueTasks: number;
}

/** A head's week: the seven local days before `at`, counted with the head's own visibility (their team). */
export async function weeklyFigures(db: Transaction<DB>, head: Actor, at: Date, timeZone: string): Promise<WeeklyFigures> {
  const today = localDate(at, timeZone);
  const from = localDate(new Date(Date.parse(dayStart(today, timeZone)) - 6.5 * DAY), timeZone);
  const range = { start: dayStart(from, timeZone), end: dayStart(today, timeZone) };
  const scope = { owners: await countedOwners(db, head, {}) };
  const closed = await closedTotals(db, scope, range);
  const leads = await leadResponses(db, scope, range);
  const response = responseFigures(
    leads.reduce((n, l) => n + l.leads, 0),
    leads.flatMap((l) => l.seconds),
  );
  // "due today" is not part of the summary: an empty range
  const tasks = await openTasks(db, scope, at.toISOString(), { start: range.end, end: range.end });
  const won = closed.find((c) => c.status === 'won');
  return {
    week: isoWeek(from),
    from,
    to: localDate(new Date(Date.parse(range.end) - DAY / 2), timeZone),
    wonCount: won?.count ?? 0,
    wonAmountCents: won?.cents ?? 0,
    lostCount: closed.find((c) => c.status === 'lost')?.count ?? 0,
    newLeads: response.leads,
    contacted: response.contacted,
    medianResponseMinutes: response.medianMinutes,
    overdueTasks: tasks.reduce((s, t) => s + t.overdue, 0),
  };
}

/** The e-mail's figures in the head's language (the in-app text comes from the message catalogue). */
function mailFigures(f: WeeklyFigures, locale: Locale) {
  const intl = locale === 'de' ? 'de-DE' : 'en-GB';
  const m = f.medianResponseMinutes;
  const number = (n: number) => new Intl.NumberFormat(intl, { maximumFractionDigits: 1 }).format(n);
  const response = m === null ? '–' : m < 120 ? `${number(m)} min` : `${number(m / 60)} ${locale === 'de' ? 'Std.' : 'h'}`;
  return {
    money: formatMoney(f.wonAmountCents, 'EUR', locale),
    response,
    from: formatDay(f.from, locale),
    to: formatDay(f.to, locale),
    week: weekNumber(f.week),
  };
}

/** Sends every active head their team's summary (in-app and by e-mail) inside the job's transaction. */
export async function sendWeeklySummaries(trx: Transaction<DB>, ctx: Ctx, after: AfterCommit, at: Date, timeZone: string) {
  for (const head of await activeHeads(trx)) {
    const actor: Actor = {
      userId: head.id,
      role: 'head',
      teamId: head.teamId,
      headOfTeamIds: head.headOfTeamIds,
      via: 'session',
      sessionId: null,
      apiKeyId: null,
    };
    const f = await weeklyFigures(trx, actor, at, timeZone);
    const text = mailFigures(f, head.locale);
    const { week, from, to, wonCount, wonAmountCents, newLeads, overdueTasks } = f;
    await notify(trx, ctx, after, {
      userId: head.id,
      kind: 'report.weekly',
      message: { key: 'report.weekly', params: { week, from, to, wonCount, wonAmountCents, newLeads, overdueTasks } },
      entityType: null,
      entityId: null,
      email: {
        template: 'weekly-summary',
        data: {
          ...f,
          week: text.week,
          from: text.from,
          to: text.to,
          wonAmount: text.money,
          medianResponse: text.response,
          url: `${ctx.config.publicUrl}/reports`,
        },
      },
    });
  }
}

/**
 * The weekly summary job. Each run sends the week's summaries and places next week's slot in the same
 * transaction; a tick that finds the summary on but no slot pending (first start) places one.
 */
export function registerReportJobs(scheduler: Scheduler, ctx: Ctx): void {
  scheduler.register(WEEKLY_KIND, async (trx, job, after) => {
    const settings = await getWeeklySettings(trx);
    if (!settings.enabled) return;
    const timeZone = (await businessHours(trx)).timeZone;
    const due = new Date(job.dueAt);
    await sendWeeklySummaries(trx, ctx, after, due, timeZone);
    const now = ctx.clock.now();
    const next = nextOccurrence(settings, due > now ? due : now, timeZone);
    await placeSlot(trx, slotKeyOf(next, timeZone), next.toISOString(), now.toISOString());
  });

  scheduler.onTick(async () => {
    const settings = await getWeeklySettings(ctx.db);
    if (!settings.enabled || (await pendingWeeklyDue(ctx.db))) return;
    const timeZone = (await businessHours(ctx.db)).timeZone;
    await ctx.db.transaction().execute((trx) => reconcileWeeklySlot(trx, settings, ctx.clock.now(), timeZone));
  });
}

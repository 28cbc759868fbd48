import { type Actor, isAdmin } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import { actorOf } from '../../http/auth.ts';
import { forbidden } from '../../http/errors.ts';
import { problemResponses } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { putSetting } from '../settings/settings.repository.ts';
import { businessHours } from '../settings/work-settings.ts';
import {
  type ReportSettings,
  ReportSettingsSchema,
  type UpdateReportSettings,
  UpdateReportSettingsSchema,
} from './report-settings.schemas.ts';
import { pendingWeeklyDue } from './weekly.repository.ts';
import { getWeeklySettings, reconcileWeeklySlot, SETTINGS_KEY } from './weekly-schedule.ts';

export async function getReportSettings(ctx: Ctx): Promise<ReportSettings> {
  const weeklySummary = await getWeeklySettings(ctx.db);
  return { weeklySummary, nextWeeklySummaryAt: weeklySummary.enabled ? await pendingWeeklyDue(ctx.db) : null };
}

/** Changes the weekly summary (admin) and moves its next slot in the scheduler in the same transaction. */
export async function updateReportSettings(ctx: Ctx, actor: Actor, input: UpdateReportSettings): Promise<ReportSettings> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can change report settings');
  const timeZone = (await businessHours(ctx.db)).timeZone;
  await ctx.db.transaction().execute(async (trx) => {
    const weeklySummary = { ...(await getWeeklySettings(trx)), ...input.weeklySummary };
    await putSetting(trx, SETTINGS_KEY, { weeklySummary }, ctx.clock.now().toISOString());
    await reconcileWeeklySlot(trx, weeklySummary, ctx.clock.now(), timeZone);
  });
  return getReportSettings(ctx);
}

export function reportSettingsRoutes(app: App, ctx: Ctx): void {
  const tags = ['Settings'];
  app.get(
    '/api/v1/settings/reports',
    {
      schema: {
        tags,
        summary: 'The weekly summary e-mail to heads: on/off, weekday, time, and when it goes out next',
        response: { 200: ReportSettingsSchema, ...problemResponses },
      },
    },
    async (request) => {
      actorOf(request);
      return getReportSettings(ctx);
    },
  );
  app.patch(
    '/api/v1/settings/reports',
    {
      schema: {
        tags,
        summary: 'Switch the weekly summary on or off, or change its weekday and time (admin)',
        body: UpdateReportSettingsSchema,
        response: { 200: ReportSettingsSchema, ...problemResponses },
      },
    },
    async (request) => updateReportSettings(ctx, actorOf(request), request.body as UpdateReportSettings),
  );
}

import type { Actor } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import type { PipelineRow, StageRow } from '../../db/schema.ts';
import { invalid } from '../../http/errors.ts';
import { findDefaultPipeline, findPipeline, stagesOf } from '../pipelines/pipelines.repository.ts';
import { businessHours } from '../settings/work-settings.ts';
import { countedOwners, teamExists, userExists } from './people.repository.ts';
import { type Period, resolvePeriod } from './period.ts';
import type { ReportFilter } from './reports.schemas.ts';
import type { DealScope } from './sales.repository.ts';

/** What every report starts from: the checked filters, the period in the company's time zone, the scope. */
export interface Prepared {
  period: Period;
  scope: DealScope;
  timeZone: string;
}

/** Checks the filters (an unknown team, user or pipeline is a 400 naming it) and resolves the period. */
export async function prepare(ctx: Ctx, actor: Actor, filter: ReportFilter): Promise<Prepared> {
  const timeZone = (await businessHours(ctx.db)).timeZone;
  const period = resolvePeriod(filter, ctx.clock, timeZone);
  if (filter.teamId && !(await teamExists(ctx.db, filter.teamId))) throw invalid('teamId', 'unknown team');
  if (filter.userId && !(await userExists(ctx.db, filter.userId))) throw invalid('userId', 'unknown user');
  if (filter.pipelineId && !(await findPipeline(ctx.db, filter.pipelineId))) throw invalid('pipelineId', 'unknown pipeline');
  return {
    period,
    timeZone,
    scope: { owners: await countedOwners(ctx.db, actor, filter), pipelineId: filter.pipelineId },
  };
}

/** The pipeline a funnel-like report is about: the one asked for, else the default one. */
export async function pipelineOf(ctx: Ctx, pipelineId?: string): Promise<{ pipeline: PipelineRow; stages: StageRow[] }> {
  const pipeline = pipelineId ? await findPipeline(ctx.db, pipelineId) : await findDefaultPipeline(ctx.db);
  if (!pipeline) throw invalid('pipelineId', 'unknown pipeline');
  return { pipeline, stages: await stagesOf(ctx.db, [pipeline.id]) };
}

export function periodInfo(period: Period) {
  return { from: period.from, to: period.to, timeZone: period.timeZone };
}

import type { Actor } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import { notFound } from '../../http/errors.ts';
import { findPipeline, stagesOf } from '../pipelines/pipelines.repository.ts';
import * as repo from './deals.repository.ts';
import { presentDeal } from './deals.service.ts';

const DAY = 86_400_000;

export interface BoardFilters {
  limit?: number;
  ownerId?: string;
  mine?: boolean;
  tag?: string;
  status?: string;
}

/** The kanban board in one call: per stage its count, sums and first cards with their markers. */
export async function board(ctx: Ctx, actor: Actor, pipelineId: string, query: BoardFilters) {
  const pipeline = await findPipeline(ctx.db, pipelineId);
  if (!pipeline) throw notFound('Pipeline');
  const stages = await stagesOf(ctx.db, [pipelineId]);
  const filters: Record<string, unknown> = {
    ownerId: query.mine ? actor.userId : query.ownerId,
    tag: query.tag,
    status: query.status,
  };
  const totals = new Map((await repo.stageTotals(ctx.db, actor, pipelineId, filters)).map((t) => [t.stageId, t]));
  const now = ctx.clock.now();
  const today = now.toISOString().slice(0, 10);
  const limit = query.limit ?? 20;
  return {
    pipelineId,
    stages: await Promise.all(
      stages.map(async (stage) => {
        const cards = await repo.stageCards(ctx.db, actor, stage.id, filters, limit);
        const t = totals.get(stage.id);
        return {
          stageId: stage.id,
          count: Number(t?.count ?? 0),
          amountCents: Number(t?.amountCents ?? 0),
          weightedAmountCents: Math.round(Number(t?.weighted ?? 0)),
          deals: cards.map(({ nextTaskJson, ...row }) => {
            const daysInStage = Math.floor((now.getTime() - Date.parse(row.stageEnteredAt)) / DAY);
            return {
              ...presentDeal(row),
              daysInStage,
              rotting: stage.kind === 'open' && stage.timeLimitDays !== null && daysInStage >= stage.timeLimitDays,
              overdue: row.status === 'open' && row.expectedCloseDate !== null && row.expectedCloseDate < today,
              nextTask: nextTaskJson ? (JSON.parse(nextTaskJson) as { id: string; title: string; dueAt: string | null }) : null,
            };
          }),
        };
      }),
    ),
  };
}

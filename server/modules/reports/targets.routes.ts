import type { Ctx } from '../../core/context.ts';
import { actorOf } from '../../http/auth.ts';
import { listQuery } from '../../http/list.ts';
import { ListOf, problemResponses } from '../../http/schemas.ts';
import type { App } from '../../http/types.ts';
import { type PutTargets, PutTargetsSchema, TargetSchema, TargetsQuery, TargetsSchema } from './targets.schemas.ts';
import { listTargets, putTargets, TARGET_LIST } from './targets.ts';

export function targetsRoutes(app: App, ctx: Ctx): void {
  const tags = ['Reports'];
  app.get(
    '/api/v1/reports/targets',
    {
      schema: {
        tags,
        summary: 'Sales targets per user and month (those you may see)',
        querystring: listQuery(TARGET_LIST, { extra: TargetsQuery.properties }),
        response: { 200: ListOf(TargetSchema), ...problemResponses },
      },
    },
    async (request) => listTargets(ctx, actorOf(request), request.query as Parameters<typeof listTargets>[2]),
  );
  app.put(
    '/api/v1/reports/targets',
    {
      schema: {
        tags,
        summary: 'Set or remove sales targets (admin: anyone; head: their team)',
        body: PutTargetsSchema,
        response: { 200: TargetsSchema, ...problemResponses },
      },
    },
    async (request) => putTargets(ctx, actorOf(request), request.body as PutTargets),
  );
}

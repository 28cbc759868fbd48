import { actorOf } from '../../http/auth.ts';
import { listQuery } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { TimelineItemSchema } from './timeline.schemas.ts';
import { TIMELINE_LIST, type TimelineEntity, timeline } from './timeline.service.ts';

const PATHS: Record<TimelineEntity, string> = { contact: 'contacts', company: 'companies', deal: 'deals' };

export function timelineRoutes(app: App, { ctx }: RouteDeps): void {
  for (const [entity, path] of Object.entries(PATHS) as [TimelineEntity, string][]) {
    app.get(
      `/api/v1/${path}/:id/timeline`,
      {
        schema: {
          tags: ['Timeline'],
          summary: `Everything that happened to a ${entity}, newest first`,
          params: IdParams,
          querystring: listQuery(TIMELINE_LIST),
          response: { 200: ListOf(TimelineItemSchema), ...problemResponses },
        },
      },
      async (request) => timeline(ctx, actorOf(request), entity, request.params.id, request.query),
    );
  }
}

import { actorOf } from '../../http/auth.ts';
import { problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { SearchQuery, SearchResultSchema } from './search.schemas.ts';
import { search } from './search.service.ts';

export function searchRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['Search'],
        summary: 'Search contacts, companies and deals you may see, best match first',
        description: 'Every word matches as a prefix; phone numbers match in any notation; notes find their contact or company.',
        querystring: SearchQuery,
        response: { 200: SearchResultSchema, ...problemResponses },
      },
    },
    async (request) => ({
      data: await search(ctx, actorOf(request), request.query.q, request.query.limit ?? 20, request.query.type),
    }),
  );
}

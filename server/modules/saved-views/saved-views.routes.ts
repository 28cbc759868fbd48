import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { expectedVersion } from '../../http/if-match.ts';
import { listQuery } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { SAVED_VIEW_LIST } from './saved-views.repository.ts';
import { CreateSavedViewSchema, SavedViewSchema, UpdateSavedViewSchema } from './saved-views.schemas.ts';
import * as service from './saved-views.service.ts';

const tags = ['Saved views'];

export function savedViewsRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/v1/saved-views',
    {
      schema: {
        tags,
        summary: 'Your saved list views',
        querystring: listQuery(SAVED_VIEW_LIST),
        response: { 200: ListOf(SavedViewSchema), ...problemResponses },
      },
    },
    async (request) => service.listSavedViews(ctx, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/saved-views',
    {
      schema: {
        tags,
        summary: 'Save a list view (filters and sort) under a name',
        body: CreateSavedViewSchema,
        response: { 201: SavedViewSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createSavedView(ctx, actorOf(request), request.body)),
  );
  app.patch(
    '/api/v1/saved-views/:id',
    {
      schema: {
        tags,
        summary: 'Rename a saved view or change its query',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: UpdateSavedViewSchema,
        response: { 200: SavedViewSchema, ...problemResponses },
      },
    },
    async (request) => service.updateSavedView(ctx, actorOf(request), request.params.id, request.body, expectedVersion(request)),
  );
  app.delete(
    '/api/v1/saved-views/:id',
    { schema: { tags, summary: 'Delete a saved view', params: IdParams, response: { 204: Type.Null(), ...problemResponses } } },
    async (request, reply) => {
      await service.deleteSavedView(ctx, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}

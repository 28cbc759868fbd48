import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { expectedVersion } from '../../http/if-match.ts';
import { parseListParams, withSort } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { ACTIVITY_SORT } from './activities.repository.ts';
import { ActivityListQuery, ActivitySchema, CreateActivitySchema, UpdateActivitySchema } from './activities.schemas.ts';
import * as service from './activities.service.ts';

const tags = ['Activities'];

export function activitiesRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/v1/activities',
    {
      schema: {
        tags,
        summary: 'List notes, calls, e-mails and meetings',
        querystring: withSort(ActivityListQuery, ACTIVITY_SORT, '-occurredAt'),
        response: { 200: ListOf(ActivitySchema), ...problemResponses },
      },
    },
    async (request) => {
      const { limit, cursor, sort, ...filters } = request.query;
      return service.listActivities(
        ctx,
        actorOf(request),
        filters,
        parseListParams({ limit, cursor, sort }, ACTIVITY_SORT, '-occurredAt'),
      );
    },
  );

  app.post(
    '/api/v1/activities',
    {
      schema: {
        tags,
        summary: 'Log a note, call, e-mail or meeting',
        body: CreateActivitySchema,
        response: { 201: ActivitySchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createActivity(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/activities/:id',
    { schema: { tags, summary: 'Get an activity', params: IdParams, response: { 200: ActivitySchema, ...problemResponses } } },
    async (request) => service.presentActivity(await service.getActivity(ctx, actorOf(request), request.params.id)),
  );

  app.patch(
    '/api/v1/activities/:id',
    {
      schema: {
        tags,
        summary: 'Change an activity (its author, a head or an admin)',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: UpdateActivitySchema,
        response: { 200: ActivitySchema, ...problemResponses },
      },
    },
    async (request) => service.updateActivity(ctx, actorOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.delete(
    '/api/v1/activities/:id',
    { schema: { tags, summary: 'Delete an activity', params: IdParams, response: { 204: Type.Null(), ...problemResponses } } },
    async (request, reply) => {
      await service.deleteActivity(ctx, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}

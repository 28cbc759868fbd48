import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { parseListParams, withSort } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { API_KEY_SORT } from './api-keys.repository.ts';
import { ApiKeyListQuery, ApiKeySchema, CreateApiKeySchema, CreatedApiKeySchema } from './api-keys.schemas.ts';
import * as service from './api-keys.service.ts';

const tags = ['API keys'];

export function apiKeysRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/v1/api-keys',
    {
      schema: {
        tags,
        summary: 'List the API keys you may see (yours; a head: the team’s; admin: all)',
        querystring: withSort(ApiKeyListQuery, API_KEY_SORT, '-createdAt'),
        response: { 200: ListOf(ApiKeySchema), ...problemResponses },
      },
    },
    async (request) => {
      const { q, userId, revoked, ...page } = request.query;
      return service.listApiKeys(
        ctx,
        actorOf(request),
        { q, userId, revoked },
        parseListParams(page, API_KEY_SORT, '-createdAt'),
      );
    },
  );

  app.post(
    '/api/v1/api-keys',
    {
      schema: {
        tags,
        summary: 'Create an API key for an integration; the key is shown once',
        body: CreateApiKeySchema,
        response: { 201: CreatedApiKeySchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createApiKey(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/api-keys/:id',
    { schema: { tags, summary: 'Get an API key', params: IdParams, response: { 200: ApiKeySchema, ...problemResponses } } },
    async (request) => service.getApiKey(ctx, actorOf(request), request.params.id),
  );

  app.delete(
    '/api/v1/api-keys/:id',
    { schema: { tags, summary: 'Revoke an API key', params: IdParams, response: { 204: Type.Null(), ...problemResponses } } },
    async (request, reply) => {
      await service.revokeApiKey(ctx, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}

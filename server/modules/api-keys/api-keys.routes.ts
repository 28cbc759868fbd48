import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { listQuery } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { API_KEY_LIST } from './api-keys.repository.ts';
import { ApiKeySchema, CreateApiKeySchema, CreatedApiKeySchema } from './api-keys.schemas.ts';
import * as service from './api-keys.service.ts';

const tags = ['API keys'];

export function apiKeysRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/v1/api-keys',
    {
      schema: {
        tags,
        summary: 'List the API keys you may see (yours; a head: the team’s; admin: all)',
        querystring: listQuery(API_KEY_LIST),
        response: { 200: ListOf(ApiKeySchema), ...problemResponses },
      },
    },
    async (request) => service.listApiKeys(ctx, actorOf(request), request.query),
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

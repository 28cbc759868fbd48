import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { expectedVersion } from '../../http/if-match.ts';
import { listQuery } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { CUSTOM_FIELD_LIST } from './custom-fields.repository.ts';
import { CreateCustomFieldSchema, CustomFieldSchema, UpdateCustomFieldSchema } from './custom-fields.schemas.ts';
import * as service from './custom-fields.service.ts';

const tags = ['Custom fields'];

export function customFieldsRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/v1/custom-fields',
    {
      schema: {
        tags,
        summary: 'List custom field definitions (all fit in one page of 200), by entity and position',
        querystring: listQuery(CUSTOM_FIELD_LIST),
        response: { 200: ListOf(CustomFieldSchema), ...problemResponses },
      },
    },
    async (request) => {
      actorOf(request);
      return service.listCustomFields(ctx, request.query);
    },
  );

  app.post(
    '/api/v1/custom-fields',
    {
      schema: {
        tags,
        summary: 'Define a custom field (admin)',
        body: CreateCustomFieldSchema,
        response: { 201: CustomFieldSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createCustomField(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/custom-fields/:id',
    {
      schema: {
        tags,
        summary: 'Get a custom field definition',
        params: IdParams,
        response: { 200: CustomFieldSchema, ...problemResponses },
      },
    },
    async (request) => {
      actorOf(request);
      return service.getCustomField(ctx, request.params.id);
    },
  );

  app.patch(
    '/api/v1/custom-fields/:id',
    {
      schema: {
        tags,
        summary: 'Change label, options, required or position (admin)',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: UpdateCustomFieldSchema,
        response: { 200: CustomFieldSchema, ...problemResponses },
      },
    },
    async (request) =>
      service.updateCustomField(ctx, actorOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.delete(
    '/api/v1/custom-fields/:id',
    {
      schema: {
        tags,
        summary: 'Delete a custom field and its values (admin)',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await service.deleteCustomField(ctx, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}

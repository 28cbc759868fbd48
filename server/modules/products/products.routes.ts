import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { expectedVersion } from '../../http/if-match.ts';
import { IdParams, ListOf, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import * as service from './products.ts';

const tags = ['Products'];

export function productsRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/v1/products',
    {
      schema: {
        tags,
        summary: 'The product catalogue',
        querystring: service.ProductListQuery,
        response: { 200: ListOf(service.ProductSchema), ...problemResponses },
      },
    },
    async (request) => {
      actorOf(request);
      return service.listProducts(ctx, request.query);
    },
  );
  app.post(
    '/api/v1/products',
    {
      schema: {
        tags,
        summary: 'Add a product (admin, head)',
        body: service.CreateProductSchema,
        response: { 201: service.ProductSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createProduct(ctx, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/products/:id',
    {
      schema: { tags, summary: 'Get a product', params: IdParams, response: { 200: service.ProductSchema, ...problemResponses } },
    },
    async (request) => {
      actorOf(request);
      return service.getProduct(ctx, request.params.id);
    },
  );
  app.patch(
    '/api/v1/products/:id',
    {
      schema: {
        tags,
        summary: 'Change a product (admin, head); existing line items keep their prices',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: service.UpdateProductSchema,
        response: { 200: service.ProductSchema, ...problemResponses },
      },
    },
    async (request) => service.updateProduct(ctx, actorOf(request), request.params.id, request.body, expectedVersion(request)),
  );
  app.delete(
    '/api/v1/products/:id',
    {
      schema: {
        tags,
        summary: 'Delete an unused product (admin, head)',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await service.deleteProduct(ctx, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}

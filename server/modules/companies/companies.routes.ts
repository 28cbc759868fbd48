import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { expectedVersion } from '../../http/if-match.ts';
import { listItems, listQuery } from '../../http/list.ts';
import { DuplicateSchema, IdParams, ListOf, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { MergeSchema } from '../contacts/contacts.schemas.ts';
import { DUPLICATE_LIST } from '../customers/duplicate-list.ts';
import { CompanyListQuery, CompanySchema, CreateCompanySchema, UpdateCompanySchema } from './companies.schemas.ts';
import * as service from './companies.service.ts';

const tags = ['Companies'];

export function companiesRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/v1/companies',
    {
      schema: {
        tags,
        summary: 'List companies you may see',
        description:
          'Equality filters: name, email, website (ignoring case), phone (any notation), ownerId (null for none), tags (has the tag; tag is the same), address.street/zip/city/country, externalId, customFields.<key>.',
        querystring: CompanyListQuery,
        response: { 200: ListOf(CompanySchema), ...problemResponses },
      },
    },
    async (request) => service.listCompanies(ctx, actorOf(request), request.query as Record<string, unknown>),
  );

  app.post(
    '/api/v1/companies',
    {
      schema: {
        tags,
        summary: 'Create a company',
        body: CreateCompanySchema,
        response: { 201: CompanySchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createCompany(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/companies/:id',
    { schema: { tags, summary: 'Get a company', params: IdParams, response: { 200: CompanySchema, ...problemResponses } } },
    async (request) => service.presentCompany(await service.getVisibleCompany(ctx, actorOf(request), request.params.id)),
  );

  app.patch(
    '/api/v1/companies/:id',
    {
      schema: {
        tags,
        summary: 'Change a company',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: UpdateCompanySchema,
        response: { 200: CompanySchema, ...problemResponses },
      },
    },
    async (request) => service.updateCompany(ctx, actorOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.delete(
    '/api/v1/companies/:id',
    {
      schema: {
        tags,
        summary: 'Delete a company (its contacts stay)',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await service.deleteCompany(ctx, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/companies/:id/duplicates',
    {
      schema: {
        tags,
        summary: 'Likely duplicates of a company (same e-mail, phone or name)',
        params: IdParams,
        querystring: listQuery(DUPLICATE_LIST),
        response: { 200: ListOf(DuplicateSchema), ...problemResponses },
      },
    },
    async (request) => {
      const found = await service.findCompanyDuplicates(ctx, actorOf(request), request.params.id);
      const page = listItems(found, DUPLICATE_LIST, request.query);
      return { data: page.rows, nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/v1/companies/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge another company into this one',
        params: IdParams,
        body: MergeSchema,
        response: { 200: CompanySchema, ...problemResponses },
      },
    },
    async (request) => service.mergeCompanies(ctx, actorOf(request), request.params.id, request.body.otherId),
  );
}

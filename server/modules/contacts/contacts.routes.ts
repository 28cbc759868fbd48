import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { expectedVersion } from '../../http/if-match.ts';
import { listItems, listQuery } from '../../http/list.ts';
import { DuplicateSchema, IdParams, ListOf, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { DUPLICATE_LIST } from '../customers/duplicate-list.ts';
import {
  ContactListQuery,
  ContactSchema,
  CreateContactSchema,
  CreatedContactSchema,
  MergeSchema,
  UpdateContactSchema,
} from './contacts.schemas.ts';
import * as service from './contacts.service.ts';

const tags = ['Contacts'];
const IfMatch = Type.Object({ 'if-match': Type.Optional(Type.String()) });

export function contactsRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/v1/contacts',
    {
      schema: {
        tags,
        summary: 'List contacts you may see',
        description:
          'Equality filters: firstName, lastName, email (ignoring case), phone (any notation), companyId and ownerId (null for none), source, tags (has the tag; tag is the same), address.street/zip/city/country, externalId, customFields.<key>.',
        querystring: ContactListQuery,
        response: { 200: ListOf(ContactSchema), ...problemResponses },
      },
    },
    async (request) => service.listContacts(ctx, actorOf(request), request.query as Record<string, unknown>),
  );

  app.post(
    '/api/v1/contacts',
    {
      schema: {
        tags,
        summary: 'Create a contact; the answer lists likely duplicates',
        body: CreateContactSchema,
        response: { 201: CreatedContactSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createContact(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/contacts/:id',
    { schema: { tags, summary: 'Get a contact', params: IdParams, response: { 200: ContactSchema, ...problemResponses } } },
    async (request) => service.presentContact(await service.getVisibleContact(ctx, actorOf(request), request.params.id)),
  );

  app.patch(
    '/api/v1/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Change a contact (send If-Match: "<version>" to avoid overwriting others’ changes)',
        params: IdParams,
        headers: IfMatch,
        body: UpdateContactSchema,
        response: { 200: ContactSchema, ...problemResponses },
      },
    },
    async (request) => service.updateContact(ctx, actorOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.delete(
    '/api/v1/contacts/:id',
    { schema: { tags, summary: 'Delete a contact', params: IdParams, response: { 204: Type.Null(), ...problemResponses } } },
    async (request, reply) => {
      await service.deleteContact(ctx, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/contacts/:id/duplicates',
    {
      schema: {
        tags,
        summary: 'Likely duplicates of a contact (same e-mail, same phone, similar name at the same company)',
        params: IdParams,
        querystring: listQuery(DUPLICATE_LIST),
        response: { 200: ListOf(DuplicateSchema), ...problemResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const contact = await service.getVisibleContact(ctx, actor, request.params.id);
      const page = listItems(await service.findDuplicates(ctx, actor, contact), DUPLICATE_LIST, request.query);
      return { data: page.rows, nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/v1/contacts/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge another contact into this one; everything of the other moves here and the other is deleted',
        params: IdParams,
        body: MergeSchema,
        response: { 200: ContactSchema, ...problemResponses },
      },
    },
    async (request) => service.mergeContacts(ctx, actorOf(request), request.params.id, request.body.otherId),
  );
}

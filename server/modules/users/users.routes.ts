import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { expectedVersion } from '../../http/if-match.ts';
import { listQuery } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { USER_LIST } from './users.repository.ts';
import { CreateUserSchema, UpdateUserSchema, UserSchema } from './users.schemas.ts';
import * as service from './users.service.ts';

const tags = ['Users and teams'];

export function usersRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'List users (the staff directory)',
        querystring: listQuery(USER_LIST),
        response: { 200: ListOf(UserSchema), ...problemResponses },
      },
    },
    async (request) => {
      actorOf(request);
      return service.listUsers(ctx, request.query);
    },
  );

  app.post(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: 'Create a user (admin)',
        body: CreateUserSchema,
        response: { 201: UserSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const user = await service.createUser(ctx, actorOf(request), request.body);
      return reply.code(201).send(user);
    },
  );

  app.get(
    '/api/v1/users/:id',
    { schema: { tags, summary: 'Get a user', params: IdParams, response: { 200: UserSchema, ...problemResponses } } },
    async (request) => {
      actorOf(request);
      return service.getUser(ctx, request.params.id);
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user (admin): name, e-mail, password, role, team, active, language',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: UpdateUserSchema,
        response: { 200: UserSchema, ...problemResponses },
      },
    },
    async (request) => service.updateUser(ctx, actorOf(request), request.params.id, request.body, expectedVersion(request)),
  );
}

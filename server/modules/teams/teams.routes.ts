import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { expectedVersion } from '../../http/if-match.ts';
import { listQuery } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { TEAM_LIST } from './teams.repository.ts';
import { CreateTeamSchema, TeamSchema, UpdateTeamSchema } from './teams.schemas.ts';
import * as service from './teams.service.ts';

const tags = ['Users and teams'];

export function teamsRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/v1/teams',
    {
      schema: {
        tags,
        summary: 'List teams',
        querystring: listQuery(TEAM_LIST),
        response: { 200: ListOf(TeamSchema), ...problemResponses },
      },
    },
    async (request) => {
      actorOf(request);
      return service.listTeams(ctx, request.query);
    },
  );

  app.post(
    '/api/v1/teams',
    {
      schema: {
        tags,
        summary: 'Create a team (admin)',
        body: CreateTeamSchema,
        response: { 201: TeamSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createTeam(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/teams/:id',
    { schema: { tags, summary: 'Get a team', params: IdParams, response: { 200: TeamSchema, ...problemResponses } } },
    async (request) => {
      actorOf(request);
      return service.getTeam(ctx, request.params.id);
    },
  );

  app.patch(
    '/api/v1/teams/:id',
    {
      schema: {
        tags,
        summary: 'Rename a team or change its head (admin)',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: UpdateTeamSchema,
        response: { 200: TeamSchema, ...problemResponses },
      },
    },
    async (request) => service.updateTeam(ctx, actorOf(request), request.params.id, request.body, expectedVersion(request)),
  );

  app.delete(
    '/api/v1/teams/:id',
    {
      schema: {
        tags,
        summary: 'Delete a team (admin); its members stay, without a team',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await service.deleteTeam(ctx, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}

import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { expectedVersion } from '../../http/if-match.ts';
import { listQuery } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { PIPELINE_LIST } from './pipelines.repository.ts';
import { CreatePipelineSchema, MoveToQuery, PipelineSchema, StageParams, UpdatePipelineSchema } from './pipelines.schemas.ts';
import * as service from './pipelines.service.ts';

const tags = ['Pipelines'];
const Moved = Type.Object(
  { movedDealIds: Type.Array(Type.String()) },
  { examples: [{ movedDealIds: ['01jdq3m6e2x7k9v4b8c1n5t0dl', '01jdq3m6e2x7k9v4b8c1n5t0dm'] }] },
);

export function pipelinesRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/v1/pipelines',
    {
      schema: {
        tags,
        summary: 'List pipelines with their stages (all fit in one page of 200)',
        querystring: listQuery(PIPELINE_LIST),
        response: { 200: ListOf(PipelineSchema), ...problemResponses },
      },
    },
    async (request) => {
      actorOf(request);
      return service.listPipelines(ctx, request.query);
    },
  );
  app.post(
    '/api/v1/pipelines',
    {
      schema: {
        tags,
        summary: 'Create a pipeline with stages (admin)',
        body: CreatePipelineSchema,
        response: { 201: PipelineSchema, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createPipeline(ctx, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/pipelines/:id',
    { schema: { tags, summary: 'Get a pipeline', params: IdParams, response: { 200: PipelineSchema, ...problemResponses } } },
    async (request) => {
      actorOf(request);
      return service.getPipeline(ctx, request.params.id);
    },
  );
  app.patch(
    '/api/v1/pipelines/:id',
    {
      schema: {
        tags,
        summary: 'Rename, make default, or add, rename, reorder and delete stages (admin)',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: UpdatePipelineSchema,
        response: { 200: PipelineSchema, ...problemResponses },
      },
    },
    async (request) => service.updatePipeline(ctx, actorOf(request), request.params.id, request.body, expectedVersion(request)),
  );
  app.delete(
    '/api/v1/pipelines/:id',
    {
      schema: {
        tags,
        summary: 'Delete a pipeline; its deals move to the stage moveTo first (admin)',
        params: IdParams,
        querystring: MoveToQuery,
        response: { 200: Moved, ...problemResponses },
      },
    },
    async (request) => ({
      movedDealIds: await service.deletePipeline(ctx, actorOf(request), request.params.id, request.query.moveTo),
    }),
  );
  app.delete(
    '/api/v1/pipelines/:id/stages/:stageId',
    {
      schema: {
        tags,
        summary: 'Delete a stage; its deals move to the stage moveTo first (admin)',
        params: StageParams,
        querystring: MoveToQuery,
        response: { 200: Moved, ...problemResponses },
      },
    },
    async (request) => ({
      movedDealIds: await service.deleteStage(
        ctx,
        actorOf(request),
        request.params.id,
        request.params.stageId,
        request.query.moveTo,
      ),
    }),
  );
}

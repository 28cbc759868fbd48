import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { expectedVersion } from '../../http/if-match.ts';
import { listQuery } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { BoardQuery } from '../pipelines/pipelines.schemas.ts';
import { board } from './board.ts';
import { HISTORY_LIST } from './deals.repository.ts';
import {
  BoardSchema,
  CreateDealSchema,
  DealListQuery,
  DealSchema,
  StageChangeSchema,
  UpdateDealSchema,
} from './deals.schemas.ts';
import * as service from './deals.service.ts';
import * as lines from './line-items.ts';
import * as payments from './payments.ts';

const tags = ['Deals'];

export function dealsRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/v1/deals',
    {
      schema: {
        tags,
        summary: 'List deals you may see',
        description:
          'Equality filters: title and currency (ignoring case), pipelineId, stageId, ownerId, contactId, companyId, expectedCloseDate and lostReason (null for none), status, tags (has the tag; tag is the same), source, externalId, customFields.<key>.',
        querystring: DealListQuery,
        response: { 200: ListOf(DealSchema), ...problemResponses },
      },
    },
    async (request) => service.listDeals(ctx, actorOf(request), request.query as Record<string, unknown>),
  );
  app.post(
    '/api/v1/deals',
    { schema: { tags, summary: 'Open a deal', body: CreateDealSchema, response: { 201: DealSchema, ...problemResponses } } },
    async (request, reply) => reply.code(201).send(await service.createDeal(ctx, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/deals/:id',
    { schema: { tags, summary: 'Get a deal', params: IdParams, response: { 200: DealSchema, ...problemResponses } } },
    async (request) => service.presentDeal(await service.getVisibleDeal(ctx, actorOf(request), request.params.id)),
  );
  app.patch(
    '/api/v1/deals/:id',
    {
      schema: {
        tags,
        summary: 'Change or move a deal ({"stageId"}); with If-Match a concurrent change answers 412 with the current deal',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: UpdateDealSchema,
        response: { 200: DealSchema, ...problemResponses },
      },
    },
    async (request) => service.updateDeal(ctx, actorOf(request), request.params.id, request.body, expectedVersion(request)),
  );
  app.delete(
    '/api/v1/deals/:id',
    { schema: { tags, summary: 'Delete a deal', params: IdParams, response: { 204: Type.Null(), ...problemResponses } } },
    async (request, reply) => {
      await service.deleteDeal(ctx, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/v1/deals/:id/history',
    {
      schema: {
        tags,
        summary: 'Stage changes of a deal with who and when, oldest first',
        params: IdParams,
        querystring: listQuery(HISTORY_LIST),
        response: { 200: ListOf(StageChangeSchema), ...problemResponses },
      },
    },
    async (request) => service.dealHistory(ctx, actorOf(request), request.params.id, request.query),
  );
  app.get(
    '/api/v1/pipelines/:id/board',
    {
      schema: {
        tags,
        summary: 'The kanban board of a pipeline: per stage count, amounts and the first cards',
        params: IdParams,
        querystring: BoardQuery,
        response: { 200: BoardSchema, ...problemResponses },
      },
    },
    async (request) => board(ctx, actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/deals/:id/line-items',
    {
      schema: {
        tags,
        summary: 'Line items of a deal, in their order',
        params: IdParams,
        querystring: listQuery(lines.LINE_ITEM_LIST),
        response: { 200: ListOf(lines.LineItemSchema), ...problemResponses },
      },
    },
    async (request) => lines.listLineItems(ctx, actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/v1/deals/:id/line-items',
    {
      schema: {
        tags,
        summary: 'Add a line item; the deal amount follows',
        params: IdParams,
        body: lines.CreateLineItemSchema,
        response: { 201: lines.LineItemSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await lines.addLineItem(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/v1/deals/:id/line-items/:itemId',
    {
      schema: {
        tags,
        summary: 'Change a line item',
        params: lines.LineItemParams,
        body: lines.UpdateLineItemSchema,
        response: { 200: lines.LineItemSchema, ...problemResponses },
      },
    },
    async (request) => lines.updateLineItem(ctx, actorOf(request), request.params.id, request.params.itemId, request.body),
  );
  app.delete(
    '/api/v1/deals/:id/line-items/:itemId',
    {
      schema: {
        tags,
        summary: 'Remove a line item',
        params: lines.LineItemParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await lines.deleteLineItem(ctx, actorOf(request), request.params.id, request.params.itemId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/deals/:id/payments',
    {
      schema: {
        tags,
        summary: 'Payments of a deal, by date',
        params: IdParams,
        querystring: listQuery(payments.PAYMENT_LIST),
        response: { 200: ListOf(payments.PaymentSchema), ...problemResponses },
      },
    },
    async (request) => payments.listPayments(ctx, actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/v1/deals/:id/payments',
    {
      schema: {
        tags,
        summary: 'Record a payment; reaching the gross amount marks the deal paid',
        params: IdParams,
        body: payments.CreatePaymentSchema,
        response: { 201: payments.PaymentSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await payments.addPayment(ctx, actorOf(request), request.params.id, request.body)),
  );
  app.delete(
    '/api/v1/deals/:id/payments/:paymentId',
    {
      schema: {
        tags,
        summary: 'Remove a wrongly booked payment (admin, head)',
        params: payments.PaymentParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await payments.deletePayment(ctx, actorOf(request), request.params.id, request.params.paymentId);
      return reply.code(204).send(null);
    },
  );
}

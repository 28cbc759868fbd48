import { actorOf } from '../../http/auth.ts';
import { IdParams, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { HandoverResultSchema, HandoverSchema, TransferResultSchema, TransferSchema } from './ownership.schemas.ts';
import { handover, transferOwnership } from './ownership.service.ts';

const tags = ['Ownership'];

export function ownershipRoutes(app: App, { ctx }: RouteDeps): void {
  app.post(
    '/api/v1/ownership/transfer',
    {
      schema: {
        tags,
        summary: 'Give many contacts or companies to another owner at once (all or nothing)',
        body: TransferSchema,
        response: { 200: TransferResultSchema, ...problemResponses },
      },
    },
    async (request) => transferOwnership(ctx, actorOf(request), request.body),
  );

  app.post(
    '/api/v1/users/:id/handover',
    {
      schema: {
        tags,
        summary: 'Hand over everything a user owns and their open tasks to a colleague (when someone leaves)',
        params: IdParams,
        body: HandoverSchema,
        response: { 200: HandoverResultSchema, ...problemResponses },
      },
    },
    async (request) => handover(ctx, actorOf(request), request.params.id, request.body.toUserId),
  );
}

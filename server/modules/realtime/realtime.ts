import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import type { DomainEvent } from '../../core/events.ts';
import { canSeeOwned } from '../../core/scope.ts';
import { actorOf } from '../../http/auth.ts';
import { problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';

interface Client {
  actor: Actor;
  reply: FastifyReply;
}

const HEARTBEAT_MS = 25_000;

/**
 * Whether a client may receive an event: record events by the record's owner (the same rule as reads),
 * notifications only by their recipient. Events carry ownerId (and recipient) so no query is needed per client.
 */
export function mayReceive(actor: Actor, event: DomainEvent, ownerTeamId: string | null): boolean {
  const data = event.data ?? {};
  if (event.entityType === 'notification') return data.userId === actor.userId;
  if (Array.isArray(data.audience) && data.audience.includes(actor.userId)) return true;
  const ownerId = (data.ownerId as string | null | undefined) ?? null;
  return canSeeOwned(actor, ownerId, ownerTeamId);
}

/** GET /api/v1/events: a Server-Sent Events stream of the caller's notifications and record changes. */
export function realtimeRoutes(app: App, { ctx }: RouteDeps): void {
  const clients = new Set<Client>();

  const teamOf = async (userId: unknown): Promise<string | null> => {
    if (typeof userId !== 'string') return null;
    const row = await ctx.db.selectFrom('users').select('teamId').where('id', '=', userId).executeTakeFirst();
    return row?.teamId ?? null;
  };

  // A stream outlives the request that opened it: before each delivery the session (or API key) and the
  // user must still be valid, so logout, a password change or deactivation cut the stream off.
  const stillValid = async (actor: Actor): Promise<boolean> => {
    const now = ctx.clock.now().toISOString();
    const user = await ctx.db.selectFrom('users').select('active').where('id', '=', actor.userId).executeTakeFirst();
    if (user?.active !== 1) return false;
    if (actor.sessionId) {
      const session = await ctx.db
        .selectFrom('sessions')
        .select('id')
        .where('id', '=', actor.sessionId)
        .where('revokedAt', 'is', null)
        .where('expiresAt', '>', now)
        .executeTakeFirst();
      return session !== undefined;
    }
    if (actor.apiKeyId) {
      const key = await ctx.db
        .selectFrom('apiKeys')
        .select('id')
        .where('id', '=', actor.apiKeyId)
        .where('revokedAt', 'is', null)
        .executeTakeFirst();
      return key !== undefined;
    }
    return true;
  };

  ctx.events.on('*', async (event) => {
    if (clients.size === 0) return;
    const ownerTeamId = await teamOf(event.data?.ownerId);
    const payload = `event: ${event.type}\ndata: ${JSON.stringify({ type: event.type, entityType: event.entityType, entityId: event.entityId, actorId: event.actorId, at: event.at, data: event.data ?? {} })}\n\n`;
    for (const client of clients) {
      if (!mayReceive(client.actor, event, ownerTeamId)) continue;
      if (!(await stillValid(client.actor))) {
        clients.delete(client);
        client.reply.raw.end();
        continue;
      }
      client.reply.raw.write(payload);
    }
  });

  // open streams end first, before the server waits for its connections to close (a fast SIGTERM)
  app.addHook('preClose', async () => {
    for (const client of clients) client.reply.raw.end();
    clients.clear();
  });

  app.get(
    '/api/v1/events',
    {
      config: { rateLimit: false },
      schema: {
        tags: ['Real time'],
        summary: 'Server-Sent Events: your notifications and changes of records you may see',
        description:
          'text/event-stream; each message has the event type as `event:` and a JSON `data:` {type, entityType, entityId, actorId, at, data}. A comment line every 25 s keeps the connection open.',
        produces: ['text/event-stream'],
        response: { 200: Type.String({ description: 'text/event-stream' }), ...problemResponses },
      },
    },
    (request, reply) => {
      const actor = actorOf(request);
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      reply.raw.write(`retry: 3000\n: connected\n\n`);
      const client: Client = { actor, reply };
      clients.add(client);
      const heartbeat = setInterval(() => reply.raw.write(': ping\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        clients.delete(client);
      });
    },
  );
}

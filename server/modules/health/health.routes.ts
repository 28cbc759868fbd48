import { sql } from 'kysely';
import { Type } from 'typebox';
import { VERSION } from '../../core/paths.ts';
import type { App, RouteDeps } from '../../http/types.ts';

const Health = Type.Object(
  { status: Type.String(), db: Type.String(), version: Type.String() },
  { examples: [{ status: 'ok', db: 'ok', version: '0.1.0' }] },
);

export function healthRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/health',
    {
      config: { public: true, rateLimit: false },
      schema: {
        tags: ['Health'],
        summary: 'Liveness and database check (no auth), for monitoring',
        security: [],
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      try {
        await sql`SELECT 1`.execute(ctx.db);
        return { status: 'ok', db: 'ok', version: VERSION };
      } catch (err) {
        ctx.log.error({ err }, 'health check: database unavailable');
        return reply.code(503).send({ status: 'error', db: 'error', version: VERSION });
      }
    },
  );
}

import { setSessionCookies } from '../../http/auth.ts';
import { problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { clientMeta } from '../auth/auth.routes.ts';
import { SessionSchema } from '../auth/auth.schemas.ts';
import { SetupSchema, SetupStateSchema } from './setup.schemas.ts';
import { runSetup, setupNeeded } from './setup.service.ts';

const tags = ['Setup'];

export function setupRoutes(app: App, { ctx, sign }: RouteDeps): void {
  app.get(
    '/api/v1/setup',
    {
      config: { public: true },
      schema: { tags, summary: 'Whether first-run setup is still needed', security: [], response: { 200: SetupStateSchema } },
    },
    async () => ({ needed: await setupNeeded(ctx) }),
  );

  app.post(
    '/api/v1/setup',
    {
      config: { public: true, rateLimit: { max: ctx.config.loginLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Create the company and its first administrator (only while no user exists)',
        security: [],
        body: SetupSchema,
        response: { 201: SessionSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const session = await runSetup(ctx, sign, request.body, clientMeta(request));
      setSessionCookies(reply, ctx, session.token, session.expiresAt);
      return reply.code(201).send({ token: session.token, expiresAt: session.expiresAt, user: session.user });
    },
  );
}

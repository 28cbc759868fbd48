import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyJwt from '@fastify/jwt';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Clock } from './core/clock.ts';
import type { Ctx } from './core/context.ts';
import { newSecret } from './core/ids.ts';
import { VERSION, WEB_DIST } from './core/paths.ts';
import type { Database } from './db/connection.ts';
import { registerAuth } from './http/auth.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { ProblemSchema } from './http/schemas.ts';
import { registerSpa } from './http/spa.ts';
import type { App, RouteDeps } from './http/types.ts';
import { activitiesRoutes } from './modules/activities/activities.routes.ts';
import { apiKeysRoutes } from './modules/api-keys/api-keys.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { companiesRoutes } from './modules/companies/companies.routes.ts';
import { contactsRoutes } from './modules/contacts/contacts.routes.ts';
import { customFieldsRoutes } from './modules/custom-fields/custom-fields.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { ownershipRoutes } from './modules/ownership/ownership.routes.ts';
import { savedViewsRoutes } from './modules/saved-views/saved-views.routes.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { getSetting, putSetting } from './modules/settings/settings.repository.ts';
import { settingsRoutes } from './modules/settings/settings.routes.ts';
import { setupRoutes } from './modules/setup/setup.routes.ts';
import { teamsRoutes } from './modules/teams/teams.routes.ts';
import { timelineRoutes } from './modules/timeline/timeline.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  /** Folder of the built SPA; defaults to dist/web. */
  webDist?: string;
}

const MODULES: ((app: App, deps: RouteDeps) => void)[] = [
  healthRoutes,
  setupRoutes,
  authRoutes,
  usersRoutes,
  teamsRoutes,
  apiKeysRoutes,
  settingsRoutes,
  customFieldsRoutes,
  companiesRoutes,
  contactsRoutes,
  activitiesRoutes,
  timelineRoutes,
  searchRoutes,
  savedViewsRoutes,
  ownershipRoutes,
];

async function signingSecret(ctx: Ctx): Promise<string> {
  const stored = await getSetting<string>(ctx.db, 'instance.jwtSecret');
  if (stored) return stored.value;
  const secret = newSecret(48);
  await putSetting(ctx.db, 'instance.jwtSecret', secret, ctx.clock.now().toISOString());
  return secret;
}

/** Builds the whole Fastify app on a migrated database. It never listens: main.ts and tests do that. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const ctx: Ctx = { db: deps.database.db, clock: deps.clock, config, log: deps.logger };

  registerErrorHandler(app);
  app.addSchema(ProblemSchema);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: config.publicUrl.startsWith('https:'),
  });
  await app.register(fastifyCookie);
  await app.register(fastifyJwt, {
    secret: await signingSecret(ctx),
    sign: { algorithm: 'HS256', iss: 'kontor' },
    verify: { algorithms: ['HS256'], allowedIss: 'kontor' },
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kontor API',
        version: VERSION,
        description:
          'The v1 HTTP API of Kontor, the self-hosted CRM. Authenticate with `Authorization: Bearer <token or API key>`. Errors are application/problem+json (RFC 9457).',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Login token or API key' } },
      },
      security: [{ bearer: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (json.$id as string) || `def-${i}` },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { deepLinking: true } });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const { sign } = registerAuth(app, ctx);
  for (const mod of MODULES) mod(app, { ctx, sign });

  await registerSpa(app, deps.webDist ?? WEB_DIST);
  return app;
}

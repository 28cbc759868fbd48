import { AjvCompiler } from '@fastify/ajv-compiler';
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
import { EventBus } from './core/events.ts';
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
import { backupsRoutes } from './modules/backups/backups.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.ts';
import { companiesRoutes } from './modules/companies/companies.routes.ts';
import { contactsRoutes } from './modules/contacts/contacts.routes.ts';
import { customFieldsRoutes } from './modules/custom-fields/custom-fields.routes.ts';
import { dealsRoutes } from './modules/deals/deals.routes.ts';
import { documentsRoutes } from './modules/documents/documents.routes.ts';
import { exportsRoutes } from './modules/exports/exports.routes.ts';
import { formsRoutes } from './modules/forms/forms.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { Mailer } from './modules/mail/mailer.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { ownershipRoutes } from './modules/ownership/ownership.routes.ts';
import { lostReasonsRoutes } from './modules/pipelines/lost-reasons.ts';
import { pipelinesRoutes } from './modules/pipelines/pipelines.routes.ts';
import { productsRoutes } from './modules/products/products.routes.ts';
import { realtimeRoutes } from './modules/realtime/realtime.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { registerReportJobs } from './modules/reports/weekly-summary.ts';
import { savedViewsRoutes } from './modules/saved-views/saved-views.routes.ts';
import { Scheduler } from './modules/scheduler/scheduler.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { getSetting, putSetting } from './modules/settings/settings.repository.ts';
import { settingsRoutes } from './modules/settings/settings.routes.ts';
import { workSettingsRoutes } from './modules/settings/work-settings.ts';
import { setupRoutes } from './modules/setup/setup.routes.ts';
import { statsRoutes } from './modules/stats/stats.ts';
import { registerTaskJobs } from './modules/tasks/tasks.jobs.ts';
import { tasksRoutes } from './modules/tasks/tasks.routes.ts';
import { teamsRoutes } from './modules/teams/teams.routes.ts';
import { timelineRoutes } from './modules/timeline/timeline.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { WorkflowEngine } from './modules/workflows/engine.ts';
import { workflowsRoutes } from './modules/workflows/workflows.routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The services' context (database, clock, config, log, events), for tests and plugins. */
    ctx: Ctx;
    /** Due reminders and escalations; main.ts starts its ticking, tests call tick(). */
    scheduler: Scheduler;
    mailer: Mailer;
  }
}

export interface AppDeps {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  /** The event bus; one is made when not given. */
  events?: EventBus;
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
  backupsRoutes,
  customFieldsRoutes,
  exportsRoutes,
  importsRoutes,
  companiesRoutes,
  contactsRoutes,
  activitiesRoutes,
  timelineRoutes,
  searchRoutes,
  savedViewsRoutes,
  ownershipRoutes,
  pipelinesRoutes,
  lostReasonsRoutes,
  dealsRoutes,
  productsRoutes,
  realtimeRoutes,
  statsRoutes,
  tasksRoutes,
  notificationsRoutes,
  workSettingsRoutes,
  calendarRoutes,
  documentsRoutes,
  formsRoutes,
  reportsRoutes,
];

async function signingSecret(ctx: Ctx): Promise<string> {
  const stored = await getSetting<string>(ctx.db, 'instance.jwtSecret');
  if (stored) return stored.value;
  const secret = newSecret(48);
  await putSetting(ctx.db, 'instance.jwtSecret', secret, ctx.clock.now().toISOString());
  return secret;
}

/**
 * Query strings, params and headers are text, so their numbers and booleans are coerced; a JSON body
 * carries real types, so `"amountCents": "1000"`, `true` for a number or `"vip"` for a tag list is a 400
 * there rather than silently converted.
 */
function strictBodyValidator(...args: Parameters<ReturnType<typeof AjvCompiler>>) {
  const [external, options] = args as [unknown, { customOptions?: Record<string, unknown> }];
  const build = AjvCompiler() as (external: unknown, options: unknown) => ReturnType<ReturnType<typeof AjvCompiler>>;
  const forText = build(external, options);
  const forBody = build(external, { ...options, customOptions: { ...options?.customOptions, coerceTypes: false } });
  return (route: Parameters<typeof forText>[0]) => (route.httpPart === 'body' ? forBody(route) : forText(route));
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
    schemaController: { compilersFactory: { buildValidator: strictBodyValidator } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const ctx: Ctx = {
    db: deps.database.db,
    clock: deps.clock,
    config,
    log: deps.logger,
    events: deps.events ?? new EventBus(deps.logger),
  };
  app.decorate('ctx', ctx);
  const scheduler = new Scheduler(ctx);
  const mailer = new Mailer(ctx);
  scheduler.onTick(() => mailer.kick());
  registerTaskJobs(scheduler, ctx);
  const engine = new WorkflowEngine(ctx, scheduler);
  registerReportJobs(scheduler, ctx);
  app.decorate('scheduler', scheduler);
  app.decorate('mailer', mailer);
  app.addHook('onClose', async () => {
    await scheduler.stop();
    await ctx.events.drain();
    await mailer.close();
  });

  registerErrorHandler(app);
  // A POST without a body (e.g. …/complete, …/read) is fine even when the client still says
  // `Content-Type: application/json`; a route with a body schema then validates {} and names
  // the missing fields instead of answering "body must be object".
  app.addHook('onRequest', async (request) => {
    const length = request.headers['content-length'];
    if ((length === undefined || length === '0') && request.headers['transfer-encoding'] === undefined)
      delete request.headers['content-type'];
  });
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.routeOptions.schema?.body && request.method !== 'GET') request.body = {};
  });
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
        // The template editor shows its live PDF preview from a blob: URL in an iframe.
        frameSrc: ["'self'", 'blob:'],
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
    // Multipart routes validate their parts in code; `x-multipart-body` describes them for the document only.
    transform: ({ schema, url }) => {
      const multipart = (schema as Record<string, unknown> | undefined)?.['x-multipart-body'];
      if (!multipart) return { schema, url };
      const { 'x-multipart-body': _, ...rest } = schema as Record<string, unknown>;
      return { schema: { ...rest, body: multipart } as typeof schema, url };
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { deepLinking: true } });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const { sign } = registerAuth(app, ctx);
  for (const mod of MODULES) mod(app, { ctx, sign });
  workflowsRoutes(app, { ctx, sign }, () => engine);

  await registerSpa(app, deps.webDist ?? WEB_DIST);
  return app;
}

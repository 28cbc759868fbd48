import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf, clearSessionCookies, setSessionCookies } from '../../http/auth.ts';
import { AppError } from '../../http/errors.ts';
import { problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { UserSchema } from '../users/users.schemas.ts';
import { ChangePasswordSchema, LoginSchema, SessionSchema, UpdateProfileSchema } from './auth.schemas.ts';
import * as service from './auth.service.ts';
import { LoginLimiter } from './login-limiter.ts';

const tags = ['Auth'];

export const clientMeta = (request: FastifyRequest) => ({ ip: request.ip, userAgent: request.headers['user-agent'] });

export function authRoutes(app: App, { ctx, sign }: RouteDeps): void {
  const limiter = new LoginLimiter(ctx.clock, ctx.config.loginLimitPerMinute);
  app.post(
    '/api/v1/auth/login',
    {
      // failed logins are limited per client and e-mail (LoginLimiter); this only caps floods
      config: { public: true, rateLimit: { max: Math.max(120, ctx.config.loginLimitPerMinute * 10), timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Log in with e-mail and password',
        description:
          'Answers a bearer token and sets an httpOnly session cookie plus a kontor_csrf cookie whose value cookie-authenticated writes echo in X-CSRF-Token.',
        security: [],
        body: LoginSchema,
        response: { 200: SessionSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      limiter.check(request.ip, email);
      const session = await service.login(ctx, sign, email, password, clientMeta(request)).catch((err: unknown) => {
        if (err instanceof AppError && err.code === 'invalid_credentials') limiter.failed(request.ip, email);
        throw err;
      });
      limiter.succeeded(request.ip, email);
      setSessionCookies(reply, ctx, session.token, session.expiresAt);
      return { token: session.token, expiresAt: session.expiresAt, user: session.user };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags, summary: 'End this session (token and cookie)', response: { 204: Type.Null(), ...problemResponses } } },
    async (request, reply) => {
      await service.logout(ctx, actorOf(request));
      clearSessionCookies(reply, ctx);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/me',
    { schema: { tags, summary: 'The logged-in user', response: { 200: UserSchema, ...problemResponses } } },
    async (request) => service.me(ctx, actorOf(request)),
  );

  app.patch(
    '/api/v1/auth/me',
    {
      schema: {
        tags,
        summary: 'Change your own name, e-mail or language',
        body: UpdateProfileSchema,
        response: { 200: UserSchema, ...problemResponses },
      },
    },
    async (request) => service.updateProfile(ctx, actorOf(request), request.body),
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { rateLimit: { max: ctx.config.loginLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Change your password; all your sessions end and a new one is returned',
        body: ChangePasswordSchema,
        response: { 200: SessionSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const session = await service.changePassword(ctx, sign, actorOf(request), request.body, clientMeta(request));
      setSessionCookies(reply, ctx, session.token, session.expiresAt);
      return { token: session.token, expiresAt: session.expiresAt, user: session.user };
    },
  );
}

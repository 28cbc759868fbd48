import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../core/actor.ts';
import type { Ctx } from '../core/context.ts';
import { newSecret } from '../core/ids.ts';
import { KEY_PREFIX } from '../modules/api-keys/api-keys.repository.ts';
import { actorFromApiKey, actorFromClaims, type SignToken, type TokenClaims } from '../modules/auth/auth.service.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'kontor_session';
export const CSRF_COOKIE = 'kontor_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Route needs no login (setup, login, health, public forms). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The authenticated actor of a route that requires login (set by the auth hook). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthorized', 'Please log in');
  return request.actor;
}

/**
 * Authentication for /api/v1: `Authorization: Bearer <token|api key>` or the session cookie.
 * Cookie-authenticated writes must echo the CSRF cookie in the X-CSRF-Token header (double submit);
 * bearer requests carry no ambient credentials and need no CSRF token.
 */
export function registerAuth(app: FastifyInstance, ctx: Ctx): { sign: SignToken } {
  app.decorateRequest('actor', null);

  // Expiry comes from the injected clock (exp claim), like the session row it points at.
  const sign: SignToken = (claims, expiresInSeconds) =>
    app.jwt.sign({
      ...claims,
      iat: Math.floor(ctx.clock.now().getTime() / 1000),
      exp: Math.floor(ctx.clock.now().getTime() / 1000) + expiresInSeconds,
    });

  async function verifyJwt(token: string): Promise<TokenClaims | null> {
    try {
      const claims = app.jwt.verify<TokenClaims & { exp: number }>(token, { ignoreExpiration: true });
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string' || typeof claims.exp !== 'number') return null;
      if (claims.exp * 1000 <= ctx.clock.now().getTime()) return null;
      return { sub: claims.sub, sid: claims.sid };
    } catch {
      return null;
    }
  }

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const isPublic = request.routeOptions.config?.public === true;

    const header = request.headers.authorization;
    let actor: Actor | null = null;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) {
        if (isPublic) return;
        throw new AppError('unauthorized', 'Authorization must be "Bearer <token>"');
      }
      const credential = match[1] as string;
      if (credential.startsWith(KEY_PREFIX)) actor = await actorFromApiKey(ctx, credential);
      else {
        const claims = await verifyJwt(credential);
        actor = claims ? await actorFromClaims(ctx, claims, 'token') : null;
      }
      if (!actor && !isPublic) throw new AppError('unauthorized', 'The token or API key is invalid, expired or revoked');
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        const claims = await verifyJwt(cookie);
        actor = claims ? await actorFromClaims(ctx, claims, 'session') : null;
      }
      if (!actor) {
        if (isPublic) return;
        throw new AppError('unauthorized', 'Please log in');
      }
      if (!SAFE_METHODS.has(request.method)) {
        const expected = request.cookies[CSRF_COOKIE];
        const given = request.headers[CSRF_HEADER];
        if (!expected || typeof given !== 'string' || !sameSecret(expected, given)) {
          throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header for a cookie-authenticated request');
        }
      }
    }
    request.actor = actor;
  });

  return { sign };
}

/** Sets the httpOnly session cookie and the readable CSRF cookie the SPA echoes back. */
export function setSessionCookies(reply: FastifyReply, ctx: Ctx, token: string, expiresAt: string): void {
  const expires = new Date(expiresAt);
  const secure = ctx.config.secureCookies;
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires });
  reply.setCookie(CSRF_COOKIE, newSecret(24), { httpOnly: false, sameSite: 'strict', secure, path: '/', expires });
}

export function clearSessionCookies(reply: FastifyReply, ctx: Ctx): void {
  const secure = ctx.config.secureCookies;
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  reply.clearCookie(CSRF_COOKIE, { path: '/', sameSite: 'strict', secure });
}

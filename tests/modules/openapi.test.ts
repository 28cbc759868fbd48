import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('OpenAPI', () => {
  it('describes every API route with its request and response schemas', async () => {
    const res = await new Api(t.app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toMatch(/^3\./);
    const expected = [
      ['get', '/api/health'],
      ['get', '/api/v1/setup'],
      ['post', '/api/v1/setup'],
      ['post', '/api/v1/auth/login'],
      ['post', '/api/v1/auth/logout'],
      ['get', '/api/v1/auth/me'],
      ['get', '/api/v1/users'],
      ['post', '/api/v1/users'],
      ['patch', '/api/v1/users/{id}'],
      ['get', '/api/v1/teams'],
      ['post', '/api/v1/api-keys'],
      ['get', '/api/v1/settings/company'],
    ];
    for (const [method, path] of expected) {
      expect(doc.paths[path as string]?.[method as string], `${method} ${path}`).toBeDefined();
    }
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        const success = Object.keys(op.responses ?? {}).filter((s) => s.startsWith('2'));
        expect(success.length, `${method} ${path} has a success response`).toBeGreaterThan(0);
        // actions that take no body (logout, reopen, cancel, mark all read, new calendar URL, new webhook secret) are the exception
        const bodyless = /\/(logout|reopen|cancel|read|read-all|token|retry|webhook-secret)$/.test(path);
        if (['post', 'patch', 'put'].includes(method) && !bodyless) {
          expect(op.requestBody, `${method} ${path} has a request body`).toBeDefined();
        }
      }
    }
    expect(doc.components.schemas.Problem).toBeDefined();
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].example).toEqual({ email: 'admin@example.de', password: 'geheim-2026' });
    expect(login.responses['200'].content['application/json'].schema.properties.user.properties.id.examples).toBeDefined();
  });

  it('serves interactive docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('swagger');
  });

  it('sends security headers with a strict CSP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

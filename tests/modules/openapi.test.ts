import { Errors } from 'typebox/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMultipart, waitForImport } from '../fixtures/multipart.ts';
import { logoPng } from '../fixtures/png.ts';
import { Api } from '../support/api.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { setupAdmin } from '../support/factories.ts';

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

  it('gives every request body and success response an example, and files their real media types', async () => {
    const doc = (await new Api(t.app).get('/api/openapi.json')).body;
    const resolve = (schema: any) => (schema?.$ref ? doc.components.schemas[schema.$ref.split('/').pop()] : schema);
    // A body has a whole example, or is made only of parts that have one (a list `{ data: [item] }` whose item
    // has an example): either way the docs show real values, never "string" or 0.
    const complete = (ref: any): boolean => {
      const schema = resolve(ref);
      if (!schema) return false;
      if (schema.example !== undefined || (Array.isArray(schema.examples) && schema.examples.length > 0)) return true;
      if (schema.type === 'array') return complete(schema.items);
      if (schema.type === 'object' && schema.properties) return Object.values(schema.properties).every(complete);
      return false;
    };
    const exampled = (media: any) =>
      media.example !== undefined || Object.keys(media.examples ?? {}).length > 0 || complete(media.schema);
    const json = (type: string) => /^application\/([\w.-]+\+)?json$/.test(type);
    const text = (type: string) => type.startsWith('text/') || type === 'application/x-www-form-urlencoded';
    const missing: string[] = [];
    const wrong: string[] = [];
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        const name = `${method.toUpperCase()} ${path}`;
        for (const [type, media] of Object.entries<any>(op.requestBody?.content ?? {})) {
          if ((json(type) || text(type)) && !exampled(media)) missing.push(`${name} request ${type}`);
        }
        for (const [status, response] of Object.entries<any>(op.responses ?? {})) {
          if (!status.startsWith('2')) continue;
          for (const [type, media] of Object.entries<any>(response.content ?? {})) {
            const schema = resolve(media.schema);
            if (json(type)) {
              // JSON answers are objects or lists; a bare string (a PDF, a calendar, an image) has its own media type
              if (schema.type === 'null') continue;
              if (!['object', 'array'].includes(schema.type)) wrong.push(`${name} ${status} ${type}: ${schema.type}`);
              if (!exampled(media)) missing.push(`${name} ${status} ${type}`);
            } else if (text(type)) {
              if (!exampled(media)) missing.push(`${name} ${status} ${type}`);
            } else if (schema.format !== 'binary') wrong.push(`${name} ${status} ${type}: not format binary`);
          }
        }
      }
    }
    expect(missing, 'without an example').toEqual([]);
    expect(wrong, 'with the wrong media type').toEqual([]);

    // every example, of a whole body or of a part, is valid by its own schema
    const invalid: string[] = [];
    const check = (name: string, schema: any, example: unknown) => {
      const [ok, errors] = Errors(schema, example);
      if (!ok) invalid.push(`${name}: ${errors.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`);
    };
    const parts = (name: string, schema: any) => {
      if (!schema || typeof schema !== 'object') return;
      const { examples, ...rest } = schema;
      if (Array.isArray(examples) && !schema.$ref) for (const example of examples) check(name, rest, example);
      for (const [key, value] of Object.entries(rest)) parts(`${name}/${key}`, value);
    };
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        const bodies = Object.entries<any>(op.requestBody?.content ?? {}).map(([type, media]) => [`request ${type}`, media]);
        for (const [status, response] of Object.entries<any>(op.responses ?? {})) {
          if (status.startsWith('2'))
            for (const [type, media] of Object.entries<any>(response.content ?? {})) bodies.push([`${status} ${type}`, media]);
        }
        for (const [what, media] of bodies) {
          const name = `${method.toUpperCase()} ${path} ${what}`;
          if (media.example !== undefined) check(name, media.schema, media.example);
          for (const [key, example] of Object.entries<any>(media.examples ?? {}))
            check(`${name} ${key}`, media.schema, example.value);
          parts(name, media.schema);
        }
      }
    }
    expect(invalid, 'examples that their schema refuses').toEqual([]);

    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const types = (path: string, status = '200', method = 'get') =>
      Object.keys(doc.paths[path][method].responses[status].content ?? {}).sort();
    expect(types('/api/v1/contacts/export')).toEqual([XLSX, 'text/csv']);
    expect(types('/api/v1/companies/export')).toEqual([XLSX, 'text/csv']);
    expect(types('/api/v1/reports/revenue')).toEqual(['application/json', XLSX, 'text/csv']);
    expect(types('/api/v1/imports/{id}/errors.csv')).toEqual(['text/csv']);
    expect(types('/api/v1/backups/{id}/download')).toEqual(['application/gzip']);
    expect(types('/api/v1/documents/{id}/pdf')).toEqual(['application/pdf']);
    expect(types('/api/v1/document-templates/preview', '200', 'post')).toEqual(['application/pdf']);
    expect(types('/api/v1/settings/company/logo')).toEqual(['image/jpeg', 'image/png']);
    expect(types('/api/v1/calendar/feed/{file}')).toEqual(['text/calendar']);
    expect(types('/api/v1/events')).toEqual(['text/event-stream']);
    const submit = doc.paths['/api/v1/forms/{formKey}/submissions'].post;
    expect(Object.keys(submit.requestBody.content).sort()).toEqual(['application/json', 'application/x-www-form-urlencoded']);
    expect(Object.keys(submit.responses['201'].content).sort()).toEqual(['application/json', 'text/html']);
  });

  it('sends each file download as the media type the document gives it, never as JSON', async () => {
    const doc = (await new Api(t.app).get('/api/openapi.json')).body;
    const admin = await setupAdmin(t);
    const contact = (await admin.api.post('/api/v1/contacts', { firstName: 'Anna', lastName: 'Schmidt' })).body;
    const deal = (await admin.api.post('/api/v1/deals', { title: 'Fenster Schmidt', contactId: contact.id, amountCents: 845000 }))
      .body;
    const offer = await admin.api.post(`/api/v1/deals/${deal.id}/documents`, { kind: 'offer' });
    expect(offer.status, offer.text).toBe(201);
    const logo = await postMultipart(
      t.app,
      admin.token,
      '/api/v1/settings/company/logo',
      {},
      {
        name: 'logo.png',
        content: logoPng(),
        type: 'image/png',
      },
    );
    expect(logo.status, logo.text).toBe(204);
    const upload = await postMultipart(
      t.app,
      admin.token,
      '/api/v1/imports',
      { entity: 'contact', mapping: JSON.stringify({ Nachname: 'lastName', 'E-Mail': 'email' }) },
      { name: 'kontakte.csv', content: 'Nachname;E-Mail\r\nBauer;bauer@\r\n', type: 'text/csv' },
    );
    const imported = await waitForImport(t.app, admin.token, upload.body.id);
    const feed = new URL((await admin.api.post('/api/v1/calendar/token')).body.url).pathname;
    await admin.api.post('/api/v1/forms', {
      key: 'kontakt',
      name: 'Kontakt',
      ownerRule: { type: 'user', userId: admin.user.id },
      fields: [{ name: 'lastName', label: 'Name', type: 'text', required: true }],
    });

    const auth = { authorization: `Bearer ${admin.token}` };
    const html = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
    const preview = { source: 'Guten Tag {{contact.name}},\n\n[[items]]\n[[totals]]', kind: 'offer' };
    // the backup download (application/gzip) is fetched in backups.test.ts; the backup takes a while
    // each with how its content begins: a BOM, a zip (XLSX), %PDF, the PNG signature, …
    const downloads: [
      method: 'GET' | 'POST',
      url: string,
      path: string,
      headers: Record<string, string>,
      starts: string | Buffer,
      payload?: string | object,
    ][] = [
      ['GET', '/api/v1/contacts/export', '/api/v1/contacts/export', auth, '\uFEFFID;'],
      ['GET', '/api/v1/companies/export?format=xlsx', '/api/v1/companies/export', auth, 'PK'],
      ['GET', '/api/v1/reports/revenue', '/api/v1/reports/revenue', { ...auth, accept: 'text/csv' }, '\uFEFF'],
      ['GET', '/api/v1/reports/funnel?format=xlsx', '/api/v1/reports/funnel', auth, 'PK'],
      ['GET', imported.errorReport, '/api/v1/imports/{id}/errors.csv', auth, '\uFEFFZeile;Fehler;'],
      ['GET', `/api/v1/documents/${offer.body.id}/pdf`, '/api/v1/documents/{id}/pdf', auth, '%PDF'],
      ['GET', '/api/v1/settings/company/logo', '/api/v1/settings/company/logo', auth, Buffer.from([0x89, 0x50, 0x4e, 0x47])],
      ['GET', feed, '/api/v1/calendar/feed/{file}', {}, 'BEGIN:VCALENDAR'],
      ['POST', '/api/v1/document-templates/preview', '/api/v1/document-templates/preview', auth, '%PDF', preview],
      [
        'POST',
        '/api/v1/forms/kontakt/submissions',
        '/api/v1/forms/{formKey}/submissions',
        html,
        '<!doctype',
        'lastName=Vogel&email=vogel%40example.de',
      ],
    ];
    for (const [method, url, path, headers, starts, payload] of downloads) {
      const res = await t.app.inject({ method, url, headers, payload });
      const ok = Object.keys(doc.paths[path][method.toLowerCase()].responses).find((s) => s.startsWith('2')) as string;
      expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 200)}`).toBe(Number(ok));
      const type = String(res.headers['content-type']).split(';')[0] as string;
      expect(Object.keys(doc.paths[path][method.toLowerCase()].responses[ok].content), `${method} ${path}`).toContain(type);
      const head = Buffer.from(starts);
      expect(res.rawPayload.subarray(0, head.length).equals(head), `${method} ${url}: ${res.body.slice(0, 40)}`).toBe(true);
    }
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody, postMultipart } from '../fixtures/multipart.ts';
import { logoPng } from '../fixtures/png.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createUser, type Session, setupAdmin } from '../support/factories.ts';
import { pdfPages } from '../support/pdf.ts';
import { expectProblem } from '../support/problem.ts';

// What the template editor and the company settings page rely on: saving real templates, the live
// preview, template errors with their line, and the company logo.
let t: TestApp;
let admin: Session;
let manager: Session;

async function preview(s: Session, source: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/document-templates/preview',
    payload: { source, kind: 'offer', locale: 'de' },
    headers: { authorization: `Bearer ${s.token}` },
  });
}

async function logo(s: Session) {
  return t.app.inject({ method: 'GET', url: '/api/v1/settings/company/logo', headers: { authorization: `Bearer ${s.token}` } });
}

beforeAll(async () => {
  t = await buildTestApp();
  admin = await setupAdmin(t);
  manager = await createUser(t, admin, { role: 'manager' });
});
afterAll(async () => {
  await t.close();
});

describe('template editing', () => {
  it('saves an edit of a shipped template as a new version, with who and when', async () => {
    const offer = (await admin.api.get('/api/v1/document-templates?kind=offer')).body.data.find(
      (x: { locale: string }) => x.locale === 'de',
    );
    const source = `${offer.source}\nBitte beachten Sie unsere Montagetermine.`;
    const res = await admin.api.patch(`/api/v1/document-templates/${offer.id}`, { source }, { 'if-match': '"1"' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ version: 2, source, builtinKey: 'offer.de' });
    const versions = (await admin.api.get(`/api/v1/document-templates/${offer.id}/versions`)).body.data;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0]).toMatchObject({ userId: admin.user.id, source });
    expect(versions[1]).toMatchObject({ userId: null, source: offer.source });
  });

  it('every shipped template can be saved unchanged', async () => {
    const all = (await admin.api.get('/api/v1/document-templates')).body.data;
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const template of all) {
      const res = await admin.api.patch(`/api/v1/document-templates/${template.id}`, { source: template.source });
      expect(res.status, `${template.builtinKey}: ${res.text}`).toBe(200);
    }
  });

  it('refuses a misspelt merge field on save and names the line; the template stays as it was', async () => {
    const offer = (await admin.api.get('/api/v1/document-templates?kind=offer')).body.data[0];
    const res = await admin.api.patch(`/api/v1/document-templates/${offer.id}`, {
      source: 'Guten Tag,\n\n{{contact.nmae}}',
    });
    expectProblem(res, 422, 'unprocessable');
    expect(res.body.errors[0]).toMatchObject({ path: 'source', message: expect.stringMatching(/"nmae" not defined .* - 3:/) });
    expect((await admin.api.get(`/api/v1/document-templates/${offer.id}`)).body).toMatchObject({
      version: offer.version,
      source: offer.source,
    });
  });

  it('previews a source on sample data as a PDF; a syntax error comes back with its line', async () => {
    const ok = await preview(admin, 'Sehr geehrte {{contact.name}},\n\nVorschautext 4711\n\n[[items]]\n[[totals]]');
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    const text = pdfPages(ok.rawPayload).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Sehr geehrte Anna Schmidt');
    expect(text).toContain('Vorschautext 4711');
    expect(text).toContain('Kunststofffenster');

    const broken = await preview(admin, 'Zeile eins\n{{#if deal.title}}\nohne Ende');
    expect(broken.statusCode).toBe(422);
    expect(broken.json().errors[0].message).toMatch(/Parse error on line 3/);
    expect((await preview(manager, 'x')).statusCode).toBe(403);
  });

  it('lets the editor show the preview in a frame from a blob: URL and nothing else', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-src 'self' blob:");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('company logo', () => {
  it('uploads a PNG, serves it back, and removes it', async () => {
    expect((await logo(admin)).statusCode).toBe(404);
    const png = logoPng();
    const up = await postMultipart(
      t.app,
      admin.token,
      '/api/v1/settings/company/logo',
      {},
      {
        name: 'logo.png',
        content: png,
        type: 'image/png',
      },
    );
    expect(up.status, up.text).toBe(204);
    const got = await logo(manager);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(png)).toBe(true);

    expectProblem(await manager.api.delete('/api/v1/settings/company/logo'), 403, 'forbidden');
    expect((await logo(admin)).statusCode).toBe(200);
    const removed = await admin.api.delete('/api/v1/settings/company/logo');
    expect(removed.status, removed.text).toBe(204);
    expect((await logo(admin)).statusCode).toBe(404);
  });

  it('refuses what is not a PNG or JPEG, and non-admins, leaving the logo unchanged', async () => {
    const png = logoPng(60, 20);
    await postMultipart(t.app, admin.token, '/api/v1/settings/company/logo', {}, { name: 'a.png', content: png });
    const svg = await postMultipart(
      t.app,
      admin.token,
      '/api/v1/settings/company/logo',
      {},
      {
        name: 'logo.svg',
        content: '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        type: 'image/svg+xml',
      },
    );
    expectProblem(svg, 415, 'unsupported_media_type');
    const { payload, contentType } = multipartBody({}, { name: 'b.png', content: logoPng(10, 10, [255, 0, 0]) });
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/settings/company/logo',
      payload,
      headers: { authorization: `Bearer ${manager.token}`, 'content-type': contentType },
    });
    expect(denied.statusCode).toBe(403);
    expect((await logo(admin)).rawPayload.equals(png)).toBe(true);
  });
});

describe('sending without SMTP', () => {
  it('answers 503 unavailable (the send dialog says e-mail is not set up) and marks nothing as sent', async () => {
    const contact = (await manager.api.post('/api/v1/contacts', { firstName: 'Eva', lastName: 'Klein', email: 'eva@example.de' }))
      .body;
    const deal = (await manager.api.post('/api/v1/deals', { title: 'Haustür Klein', contactId: contact.id })).body;
    const offer = (await manager.api.post(`/api/v1/deals/${deal.id}/documents`, { kind: 'offer' })).body;
    expectProblem(await manager.api.post(`/api/v1/documents/${offer.id}/send`, {}), 503, 'unavailable');
    expect((await manager.api.get(`/api/v1/documents/${offer.id}`)).body.sentAt).toBeNull();
  });
});

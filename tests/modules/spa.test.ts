import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp, tempDataDir } from '../support/app.ts';
import { expectProblem } from '../support/problem.ts';

let t: TestApp;
let web: string;

beforeAll(async () => {
  web = tempDataDir();
  fs.mkdirSync(path.join(web, 'assets'));
  fs.writeFileSync(
    path.join(web, 'index.html'),
    '<!doctype html><title>Kontor</title><script type="module" src="/assets/app-1a2b.js"></script>',
  );
  fs.writeFileSync(path.join(web, 'assets', 'app-1a2b.js'), 'console.log(1)');
  t = await buildTestApp({ webDist: web });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(web, { recursive: true, force: true });
});

describe('SPA serving', () => {
  it('serves hashed assets with a long cache and index.html without', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const index = await t.app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.body).toContain('<title>Kontor</title>');
  });

  it('answers deep links with index.html', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/admin/users?x=1' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<title>Kontor</title>');
  });

  it('never answers API paths with the SPA', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expectProblem({ status: res.statusCode, headers: res.headers, body: res.json() }, 404, 'not_found');
  });
});

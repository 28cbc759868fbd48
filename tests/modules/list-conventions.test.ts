import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { type Session, setupAdmin } from '../support/factories.ts';
import { expectProblem } from '../support/problem.ts';

// The list conventions of the API contract, checked on every collection GET route the OpenAPI document
// describes (a route whose 200 answer has a `data` array), so that new routes are covered as they come:
// limit 1…200, cursor, an allowlisted sort, unknown parameters rejected, {data, nextCursor}.

let t: TestApp;
let admin: Session;
/** Ids for the path parameters of sub-collections, by the collection the id belongs to. */
const ids: Record<string, string> = {};

/** Ranked results, not a list: the contract fixes `GET /search?q&limit&type` → {data} best first. */
const NOT_LISTS = new Set(['/api/v1/search']);

interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema?: Record<string, any>; description?: string }[];
  responses: Record<string, { content?: Record<string, { schema?: Record<string, any> }> }>;
}

let operations: [string, Operation][] = [];

beforeAll(async () => {
  t = await buildTestApp();
  admin = await setupAdmin(t);
  const api = admin.api;
  const ok = async (res: Promise<{ status: number; body: any; text: string }>) => {
    const r = await res;
    expect(r.status, r.text).toBeLessThan(300);
    return r.body;
  };
  const company = await ok(api.post('/api/v1/companies', { name: 'Listen GmbH' }));
  const contact = await ok(api.post('/api/v1/contacts', { firstName: 'Lena', lastName: 'Liste', companyId: company.id }));
  const deal = await ok(api.post('/api/v1/deals', { title: 'Listenfenster', contactId: contact.id }));
  const task = await ok(api.post('/api/v1/tasks', { title: 'Anrufen', dealId: deal.id }));
  const templates = await ok(api.get('/api/v1/document-templates'));
  Object.assign(ids, {
    companies: company.id,
    contacts: contact.id,
    deals: deal.id,
    tasks: task.id,
    'document-templates': templates.data[0].id,
  });
  const doc = (await api.get('/api/openapi.json')).body;
  operations = Object.entries<Record<string, Operation>>(doc.paths)
    .filter(([path, item]) => path.startsWith('/api/v1/') && item.get && !NOT_LISTS.has(path))
    .filter(([, item]) => item.get?.responses['200']?.content?.['application/json']?.schema?.properties?.data?.type === 'array')
    .map(([path, item]) => [path, item.get as Operation]);
});
afterAll(() => t.close());

/** The request URL of a documented path: ids for its path parameters, a value for each required query parameter. */
function urlOf(path: string, op: Operation, query: Record<string, string> = {}): string {
  const url = path.replace(/\/([^/]+)\/\{(\w+)\}/g, (_all, collection: string) => {
    const id = ids[collection];
    if (!id) throw new Error(`list-conventions.test.ts: add a fixture id for /${collection}/{id} (${path})`);
    return `/${collection}/${id}`;
  });
  const params = new URLSearchParams();
  for (const p of op.parameters ?? []) {
    if (p.in !== 'query' || !p.required) continue;
    const first = p.schema?.anyOf?.[0] ?? p.schema;
    const value = first?.enum?.[0] ?? first?.const;
    if (value === undefined) throw new Error(`list-conventions.test.ts: add a value for the required ${p.name} of ${path}`);
    params.set(p.name, String(value));
  }
  for (const [key, value] of Object.entries(query)) params.set(key, value);
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

function sortFieldsOf(op: Operation): string[] {
  const sort = op.parameters?.find((p) => p.in === 'query' && p.name === 'sort');
  const description = sort?.description ?? sort?.schema?.description ?? '';
  const names = /^One of (.*?); prefix -/.exec(description)?.[1] ?? '';
  return names
    .split(', ')
    .filter(Boolean)
    .filter((name) => name !== 'customFields.<key>');
}

describe('every collection GET route', () => {
  it('is found in the OpenAPI document', () => {
    const paths = operations.map(([path]) => path);
    expect.soft(paths.length).toBeGreaterThan(30);
    for (const expected of [
      '/api/v1/contacts',
      '/api/v1/workflows',
      '/api/v1/workflow-runs',
      '/api/v1/custom-fields',
      '/api/v1/deals/{id}/line-items',
      '/api/v1/deals/{id}/payments',
      '/api/v1/deals/{id}/history',
      '/api/v1/tasks/{id}/comments',
    ]) {
      expect.soft(paths).toContain(expected);
    }
  });

  it('documents limit, cursor and sort, and answers {data, nextCursor}', () => {
    for (const [path, op] of operations) {
      const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      expect.soft(names, path).toEqual(expect.arrayContaining(['limit', 'cursor', 'sort']));
      const limit = op.parameters?.find((p) => p.name === 'limit')?.schema;
      expect.soft(limit, path).toMatchObject({ minimum: 1, maximum: 200 });
      expect.soft(sortFieldsOf(op).length, `${path} names its sort fields`).toBeGreaterThan(0);
      const schema = op.responses['200']?.content?.['application/json']?.schema;
      expect.soft(Object.keys(schema?.properties ?? {}), path).toEqual(expect.arrayContaining(['data', 'nextCursor']));
    }
  });

  it('answers {data: [...], nextCursor: string|null} and keeps to limit=1', async () => {
    for (const [path, op] of operations) {
      const res = await admin.api.get(urlOf(path, op));
      expect.soft(res.status, `${path}: ${res.text}`).toBe(200);
      expect.soft(Array.isArray(res.body.data), path).toBe(true);
      expect.soft(res.body.nextCursor === null || typeof res.body.nextCursor === 'string', path).toBe(true);
      const one = await admin.api.get(urlOf(path, op, { limit: '1' }));
      expect.soft(one.status, `${path}: ${one.text}`).toBe(200);
      expect.soft(one.body.data.length, path).toBeLessThanOrEqual(1);
      if (res.body.data.length > 1) expect.soft(typeof one.body.nextCursor, `${path} has a next page`).toBe('string');
      if (one.body.nextCursor) {
        const next = await admin.api.get(urlOf(path, op, { limit: '1', cursor: one.body.nextCursor }));
        expect.soft(next.status, `${path} follows its cursor: ${next.text}`).toBe(200);
      }
    }
  });

  it('rejects limit above 200, unknown parameters, unknown sort fields and bad cursors with a 400 problem', async () => {
    for (const [path, op] of operations) {
      for (const [query, param] of [
        [{ limit: '201' }, 'querystring.limit'],
        [{ limit: '0' }, 'querystring.limit'],
        [{ zzz: '1' }, 'querystring.zzz'],
        [{ sort: 'nope' }, undefined],
        [{ sort: '-passwordHash' }, undefined],
        [{ cursor: 'garbage' }, undefined],
      ] as [Record<string, string>, string | undefined][]) {
        const res = await admin.api.get(urlOf(path, op, query));
        expect.soft(res.status, `${path}?${new URLSearchParams(query)}: ${res.text}`).toBe(400);
        expectProblem(res, 400, 'validation_failed');
        if (param) expect.soft(res.body.errors, path).toContainEqual({ path: param, message: expect.any(String) });
      }
    }
  });

  it('sorts by each documented sort field, both ways', async () => {
    for (const [path, op] of operations) {
      for (const field of sortFieldsOf(op)) {
        for (const sort of [field, `-${field}`]) {
          const res = await admin.api.get(urlOf(path, op, { sort }));
          expect.soft(res.status, `${path}?sort=${sort}: ${res.text}`).toBe(200);
        }
      }
    }
  });
});

/** Every item of a list, walking its cursor `limit` at a time; fails on a repeated id. */
async function walk(url: string, limit = 1, id = (item: any) => item.id as string): Promise<any[]> {
  const seen: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res: { status: number; text: string; body: any } = await admin.api.get(
      `${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.length).toBeLessThanOrEqual(limit);
    seen.push(...res.body.data);
    cursor = res.body.nextCursor;
    pages += 1;
    expect(pages, `${url} ends`).toBeLessThan(500);
  } while (cursor);
  const ids = seen.map(id);
  expect(new Set(ids).size, `${url}: no item twice`).toBe(ids.length);
  return seen;
}

describe('paging', () => {
  it('walks the workflow runs one at a time, newest first, to the end', async () => {
    const wf = await admin.api.post('/api/v1/workflows', {
      name: 'Listen-Test',
      trigger: { type: 'manual', entity: 'deal' },
      steps: [{ type: 'notify', to: { type: 'owner' }, title: 'Los' }],
    });
    expect(wf.status, wf.text).toBe(201);
    for (let i = 0; i < 4; i++) {
      const run = await admin.api.post(`/api/v1/workflows/${wf.body.id}/run`, { entityType: 'deal', entityId: ids.deals });
      expect(run.status, run.text).toBe(201);
    }
    const all = (await admin.api.get(`/api/v1/workflow-runs?workflowId=${wf.body.id}`)).body.data;
    expect(all).toHaveLength(4);
    const two = await admin.api.get(`/api/v1/workflow-runs?workflowId=${wf.body.id}&limit=2`);
    expect(two.body.data).toHaveLength(2);
    expect(two.body.nextCursor).toEqual(expect.any(String));
    const walked = await walk(`/api/v1/workflow-runs?workflowId=${wf.body.id}`);
    expect(walked.map((r) => r.id)).toEqual(all.map((r: { id: string }) => r.id));
    const oldest = await walk(`/api/v1/workflow-runs?workflowId=${wf.body.id}&sort=startedAt`, 3);
    expect(oldest.map((r) => r.id)).toEqual(all.map((r: { id: string }) => r.id).reverse());
    expect(walked[0].steps.length).toBeGreaterThan(0);
    expectProblem(await admin.api.get('/api/v1/workflow-runs?status=exploded'), 400, 'validation_failed');
  });

  it('walks custom fields and pipelines, which answer in one page by default', async () => {
    for (const [entity, key] of [
      ['contact', 'lieblingsfarbe'],
      ['contact', 'schuhgroesse'],
      ['company', 'branche'],
      ['deal', 'aufmass'],
    ]) {
      const res = await admin.api.post('/api/v1/custom-fields', { entity, key, label: key, type: 'text' });
      expect(res.status, res.text).toBe(201);
    }
    const fields = (await admin.api.get('/api/v1/custom-fields')).body;
    expect(fields.nextCursor).toBeNull();
    expect(fields.data.map((f: { entity: string }) => f.entity)).toEqual(['company', 'contact', 'contact', 'deal']);
    expect((await admin.api.get('/api/v1/custom-fields?limit=2')).body.data).toHaveLength(2);
    const walked = await walk('/api/v1/custom-fields');
    expect(walked.map((f) => f.key)).toEqual(fields.data.map((f: { key: string }) => f.key));
    expect((await walk('/api/v1/custom-fields?entity=contact&sort=-key')).map((f) => f.key)).toEqual([
      'schuhgroesse',
      'lieblingsfarbe',
    ]);

    for (const name of ['Service', 'Wartung', 'Ausstellung']) {
      expect((await admin.api.post('/api/v1/pipelines', { name })).status).toBe(201);
    }
    const pipelines = (await admin.api.get('/api/v1/pipelines')).body;
    expect(pipelines.data.length).toBe(4);
    expect(pipelines.nextCursor).toBeNull();
    expect((await admin.api.get('/api/v1/pipelines?limit=1')).body.nextCursor).toEqual(expect.any(String));
    const walkedPipelines = await walk('/api/v1/pipelines');
    expect(walkedPipelines.map((p) => p.id)).toEqual(pipelines.data.map((p: { id: string }) => p.id));
    expect(walkedPipelines[0].stages.length).toBeGreaterThan(0);
    expect((await walk('/api/v1/pipelines?sort=name', 2)).map((p) => p.name)).toEqual([
      'Ausstellung',
      'Service',
      'Vertrieb',
      'Wartung',
    ]);
    expect((await admin.api.get('/api/v1/pipelines?q=wart')).body.data.map((p: { name: string }) => p.name)).toEqual(['Wartung']);
  });

  it("walks a deal's line items, payments and history, and the task types", async () => {
    for (const description of ['Fenster', 'Tür', 'Montage']) {
      const res = await admin.api.post(`/api/v1/deals/${ids.deals}/line-items`, {
        description,
        quantity: 1,
        unitPriceCents: 1000,
      });
      expect(res.status, res.text).toBe(201);
    }
    for (const amountCents of [100, 200]) {
      expect((await admin.api.post(`/api/v1/deals/${ids.deals}/payments`, { amountCents })).status).toBe(201);
    }
    const items = (await admin.api.get(`/api/v1/deals/${ids.deals}/line-items`)).body;
    expect(items.nextCursor).toBeNull();
    expect((await walk(`/api/v1/deals/${ids.deals}/line-items`)).map((i) => i.id)).toEqual(items.data.map((i: any) => i.id));
    expect((await walk(`/api/v1/deals/${ids.deals}/payments?sort=-amountCents`)).map((p) => p.amountCents)).toEqual([200, 100]);
    expect(await walk(`/api/v1/deals/${ids.deals}/history`)).toEqual(
      (await admin.api.get(`/api/v1/deals/${ids.deals}/history`)).body.data,
    );
    const types = (await admin.api.get('/api/v1/task-types')).body.data;
    expect((await walk('/api/v1/task-types', 2, (t) => t.key)).map((t) => t.key)).toEqual(types.map((t: any) => t.key));
  });

  it('walks a timeline both ways and by kind', async () => {
    for (const body of ['Erstes', 'Zweites', 'Drittes']) {
      const res = await admin.api.post('/api/v1/activities', { type: 'note', contactId: ids.contacts, body });
      expect(res.status, res.text).toBe(201);
    }
    const url = `/api/v1/contacts/${ids.contacts}/timeline`;
    const newest = await walk(url, 2);
    const oldest = await walk(`${url}?sort=at`, 2);
    expect(oldest.map((i) => i.id)).toEqual(newest.map((i) => i.id).reverse());
    const notes = await walk(`${url}?kind=activity`);
    expect(notes.map((i) => i.activity.body)).toEqual(['Drittes', 'Zweites', 'Erstes']);
  });
});

describe('equality filters on documented fields', () => {
  it('finds contacts by tags (tag is the same), e-mail ignoring case, phone in another notation and names', async () => {
    const anna = await admin.api.post('/api/v1/contacts', {
      firstName: 'Anna',
      lastName: 'Filter',
      email: 'Anna.Filter@Example.de',
      phone: '+49 (30) 123 45-67',
      tags: ['vip', 'stammkunde'],
    });
    expect(anna.status, anna.text).toBe(201);
    const bert = await admin.api.post('/api/v1/contacts', { firstName: 'Bert', lastName: 'Filter', tags: ['neu'] });
    expect(bert.status, bert.text).toBe(201);
    const names = async (query: string) => {
      const res = await admin.api.get(`/api/v1/contacts?${query}`);
      expect(res.status, `${query}: ${res.text}`).toBe(200);
      return res.body.data.map((c: { firstName: string }) => c.firstName);
    };
    expect(await names('tags=vip')).toEqual(['Anna']);
    expect(await names('tag=vip')).toEqual(['Anna']);
    expect(await names('tags=neu&lastName=filter')).toEqual(['Bert']);
    expect(await names('email=anna.filter%40example.DE')).toEqual(['Anna']);
    expect(await names(`phone=${encodeURIComponent('030 1234567')}`)).toEqual(['Anna']);
    expect(await names(`phone=${encodeURIComponent('0049-30-12 34 567')}`)).toEqual(['Anna']);
    expect(await names('phone=0301111111')).toEqual([]);
    expect(await names('firstName=BERT')).toEqual(['Bert']);
    expect(await names('lastName=Filter&sort=-firstName')).toEqual(['Bert', 'Anna']);

    // the export takes the same filters as the list
    const csv = await admin.api.get('/api/v1/contacts/export?tags=vip&email=ANNA.FILTER%40EXAMPLE.DE');
    expect(csv.status, csv.text).toBe(200);
    expect(csv.text).toContain('Anna');
    expect(csv.text).not.toContain('Bert');
    expectProblem(await admin.api.get('/api/v1/contacts/export?zzz=1'), 400, 'validation_failed');
  });

  it('finds companies by name ignoring case, by e-mail, phone, website, tags and address.city', async () => {
    const res = await admin.api.post('/api/v1/companies', {
      name: 'Fensterbau Filter KG',
      email: 'info@filter-kg.de',
      phone: '089 / 555 0101',
      website: 'https://filter-kg.de',
      tags: ['partner'],
      address: { city: 'München', country: 'DE' },
    });
    expect(res.status, res.text).toBe(201);
    await admin.api.post('/api/v1/companies', { name: 'Fensterbau Filter KG Süd', address: { city: 'Rosenheim' } });
    const names = async (query: string) => {
      const list = await admin.api.get(`/api/v1/companies?${query}`);
      expect(list.status, `${query}: ${list.text}`).toBe(200);
      return list.body.data.map((c: { name: string }) => c.name);
    };
    expect(await names(`name=${encodeURIComponent('fensterbau filter kg')}`)).toEqual(['Fensterbau Filter KG']);
    expect(await names('email=INFO%40filter-kg.de')).toEqual(['Fensterbau Filter KG']);
    expect(await names(`phone=${encodeURIComponent('+49 89 5550101')}`)).toEqual(['Fensterbau Filter KG']);
    expect(await names(`website=${encodeURIComponent('https://filter-kg.de')}`)).toEqual(['Fensterbau Filter KG']);
    expect(await names('tags=partner')).toEqual(['Fensterbau Filter KG']);
    expect(await names(`address.city=${encodeURIComponent('München')}`)).toEqual(['Fensterbau Filter KG']);
    expect(await names(`city=Rosenheim`)).toEqual(['Fensterbau Filter KG Süd']);
    const csv = await admin.api.get(`/api/v1/companies/export?name=${encodeURIComponent('Fensterbau Filter KG Süd')}`);
    expect(csv.status, csv.text).toBe(200);
    expect(csv.text).toContain('Rosenheim');
    expect(csv.text).not.toContain('München');
  });

  it('filters deals, products, tasks, activities and users by their documented fields', async () => {
    const deal = await admin.api.post('/api/v1/deals', {
      title: 'Wintergarten Filter',
      currency: 'CHF',
      expectedCloseDate: '2027-03-31',
    });
    expect(deal.status, deal.text).toBe(201);
    const titles = async (query: string) => {
      const list = await admin.api.get(`/api/v1/deals?${query}`);
      expect(list.status, `${query}: ${list.text}`).toBe(200);
      return list.body.data.map((d: { title: string }) => d.title);
    };
    expect(await titles('title=wintergarten%20filter')).toEqual(['Wintergarten Filter']);
    expect(await titles('currency=chf')).toEqual(['Wintergarten Filter']);
    expect(await titles('expectedCloseDate=2027-03-31')).toEqual(['Wintergarten Filter']);
    expect(await titles('title=Wintergarten%20Filter&lostReason=null&status=open')).toEqual(['Wintergarten Filter']);
    expectProblem(await admin.api.get('/api/v1/deals?status=maybe'), 400, 'validation_failed');

    const product = await admin.api.post('/api/v1/products', {
      name: 'Filtermatte',
      unit: 'Stk',
      unitPriceCents: 990,
      taxRate: 7,
    });
    expect(product.status, product.text).toBe(201);
    const products = async (query: string) =>
      (await admin.api.get(`/api/v1/products?${query}`)).body.data.map((p: { name: string }) => p.name);
    expect(await products('name=filtermatte')).toEqual(['Filtermatte']);
    expect(await products('unit=stk&taxRate=7&active=true')).toEqual(['Filtermatte']);
    expect(await products('taxRate=19&name=Filtermatte')).toEqual([]);

    const task = (await admin.api.get(`/api/v1/tasks/${ids.tasks}`)).body;
    const tasks = (await admin.api.get(`/api/v1/tasks?dealId=${ids.deals}&status=open&type=${task.type}`)).body;
    expect(tasks.data.map((t: { id: string }) => t.id)).toEqual([ids.tasks]);
    expect((await admin.api.get(`/api/v1/tasks?dealId=${ids.deals}&status=done`)).body.data).toEqual([]);
    const notes = await admin.api.get(`/api/v1/activities?type=note&contactId=${ids.contacts}&limit=200`);
    expect(notes.status, notes.text).toBe(200);
    const users = (await admin.api.get(`/api/v1/users?role=admin&active=true`)).body.data;
    expect(users.map((u: { email: string }) => u.email)).toEqual(['admin@example.de']);
    expect((await admin.api.get('/api/v1/users?email=ADMIN%40example.de&teamId=null')).body.data).toHaveLength(1);
    const team = await admin.api.post('/api/v1/teams', { name: 'Außendienst Filter' });
    expect(team.status, team.text).toBe(201);
    const teams = (await admin.api.get(`/api/v1/teams?name=${encodeURIComponent('außendienst filter')}&headId=null`)).body.data;
    expect(teams.map((x: { id: string }) => x.id)).toEqual([team.body.id]);
    const key = await admin.api.post('/api/v1/api-keys', { name: 'Webshop Filter', role: 'manager' });
    expect(key.status, key.text).toBe(201);
    const keys = async (query: string) =>
      (await admin.api.get(`/api/v1/api-keys?${query}`)).body.data.map((k: { name: string }) => k.name);
    expect(await keys('role=manager&revoked=false')).toEqual(['Webshop Filter']);
    expect(await keys('role=admin')).toEqual([]);
    expect(await keys('revoked=true')).toEqual([]);
  });
});

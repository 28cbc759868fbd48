import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { createTeam, type Session, setupAdmin } from '../support/factories.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setupAdmin(t);
});
afterAll(async () => t.close());

describe('web forms (admin)', () => {
  it('creates a form the way the admin UI sends it (explicit nulls) and answers its embed snippet', async () => {
    const team = await createTeam(admin, { name: 'Vertrieb' });
    const res = await admin.api.post('/api/v1/forms', {
      key: 'kontakt-website',
      name: 'Kontakt Website',
      pipelineId: null,
      stageId: null,
      ownerRule: { type: 'team', teamId: team.id },
      fields: [{ name: 'lastName', label: 'Nachname', type: 'text', required: true, mapTo: 'contact.lastName' }],
      allowedOrigins: ['http://127.0.0.1:4000'],
      successMessage: null,
      redirectUrl: null,
      enabled: true,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ pipelineId: null, stageId: null, successMessage: null, redirectUrl: null });
    const embed = await admin.api.get(`/api/v1/forms/${res.body.id}/embed`);
    expect(embed.status).toBe(200);
    expect(embed.body.html).toContain('name="lastName" required');

    // a target pipeline and stage, then back to none; a stage of another pipeline is refused
    const pipelines = (await admin.api.get('/api/v1/pipelines')).body.data;
    const pipeline = pipelines[0];
    const stage = pipeline.stages[1];
    const set = await admin.api.patch(`/api/v1/forms/${res.body.id}`, { pipelineId: pipeline.id, stageId: stage.id });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toMatchObject({ pipelineId: pipeline.id, stageId: stage.id });
    const other = await admin.api.post('/api/v1/pipelines', { name: 'Zweite', stages: [{ name: 'Neu', kind: 'open' }] });
    const bad = await admin.api.patch(`/api/v1/forms/${res.body.id}`, { stageId: other.body.stages?.[0]?.id ?? 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'stageId', message: 'not a stage of the pipeline' }]);
    expect((await admin.api.get(`/api/v1/forms/${res.body.id}`)).body.stageId).toBe(stage.id);
    const cleared = await admin.api.patch(`/api/v1/forms/${res.body.id}`, { pipelineId: null, stageId: null });
    expect(cleared.status, cleared.text).toBe(200);
    expect(cleared.body).toMatchObject({ pipelineId: null, stageId: null });
  });
});

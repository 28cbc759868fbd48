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

  it('creates a form from just the documented fields: the creating admin owns its leads, labels and types follow the names', async () => {
    const pipeline = (await admin.api.get('/api/v1/pipelines')).body.data[0];
    const res = await admin.api.post('/api/v1/forms', {
      name: 'Anfrage',
      key: 'anfrage-kurz',
      pipelineId: pipeline.id,
      stageId: pipeline.stages[0].id,
      fields: [
        { name: 'firstName' },
        { name: 'lastName' },
        { name: 'email' },
        { name: 'phone' },
        { name: 'company' },
        { name: 'message' },
        { name: 'wunschtermin' },
        { name: 'mobil', mapTo: 'contact.phone' },
        { name: 'plz', label: 'Postleitzahl', mapTo: 'contact.zip' },
      ],
      allowedOrigins: ['https://www.fensterbau.example'],
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.ownerRule).toEqual({ type: 'user', userId: admin.user.id });
    expect(res.body.fields.map((f: { name: string; label: string; type: string }) => [f.name, f.label, f.type])).toEqual([
      ['firstName', 'Vorname', 'text'],
      ['lastName', 'Nachname', 'text'],
      ['email', 'E-Mail', 'email'],
      ['phone', 'Telefon', 'tel'],
      ['company', 'Firma', 'text'],
      ['message', 'Nachricht', 'textarea'],
      ['wunschtermin', 'wunschtermin', 'text'],
      ['mobil', 'Telefon', 'tel'],
      ['plz', 'Postleitzahl', 'text'],
    ]);
    const embed = await admin.api.get(`/api/v1/forms/${res.body.id}/embed`);
    expect(embed.body.html).toContain('<label>E-Mail<br><input type="email" name="email"></label>');

    // a change of fields is completed the same way; a named owner must exist; a name is used once
    const patched = await admin.api.patch(`/api/v1/forms/${res.body.id}`, { fields: [{ name: 'phone', required: true }] });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.fields).toEqual([{ name: 'phone', label: 'Telefon', type: 'tel', required: true }]);
    const nobody = await admin.api.patch(`/api/v1/forms/${res.body.id}`, { ownerRule: { type: 'user', userId: 'nobody' } });
    expect(nobody.status).toBe(400);
    expect(nobody.body.errors).toEqual([{ path: 'ownerRule.userId', message: 'unknown user' }]);
    const twice = await admin.api.post('/api/v1/forms', {
      name: 'Doppelt',
      key: 'doppelt',
      fields: [{ name: 'email' }, { name: 'email', label: 'Noch einmal' }],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([{ path: 'fields.1.name', message: 'is used twice' }]);
    expect((await admin.api.post('/api/v1/forms', { name: 'Ohne', key: 'ohne-felder', fields: [{ label: 'X' }] })).status).toBe(
      400,
    );
  });
});

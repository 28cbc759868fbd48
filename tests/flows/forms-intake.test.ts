import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameFromEmail } from '../../server/modules/forms/forms.service.ts';
import { Api } from '../support/api.ts';
import { buildTestApp, type TestApp } from '../support/app.ts';
import { type Session, setupAdmin } from '../support/factories.ts';
import { expectProblem } from '../support/problem.ts';

// The public intake's rules (API.md "Intake"): the standard field names always map, a lead needs a way to
// reach them, and no lead is turned away for lack of a name.

let t: TestApp;
let admin: Session;
const pub = () => new Api(t.app);
beforeAll(async () => {
  t = await buildTestApp();
  admin = await setupAdmin(t);
  // a form that asks only for a name and an e-mail address, created with the documented fields alone
  const res = await admin.api.post('/api/v1/forms', {
    name: 'Kurz',
    key: 'kurz',
    pipelineId: null,
    stageId: null,
    fields: [{ name: 'lastName' }, { name: 'email' }],
    allowedOrigins: [],
  });
  expect(res.status, res.text).toBe(201);
});
afterAll(async () => t.close());

async function leadOf(email: string | null, phone?: string) {
  await t.app.ctx.events.drain();
  const q = encodeURIComponent(email ?? phone ?? '');
  const [contact] = (await admin.api.get(`/api/v1/contacts?q=${q}`)).body.data;
  expect(contact).toBeDefined();
  const [deal] = (await admin.api.get(`/api/v1/deals?contactId=${contact.id}`)).body.data;
  return { contact, deal };
}

describe('web-form intake: standard fields, reachability, names', () => {
  it('takes the standard fields a form does not declare: phone, company and message are not lost', async () => {
    const res = await pub().post('/api/v1/forms/kurz/submissions', {
      lastName: 'Vogt',
      email: 'vogt@example.de',
      phone: '0221 998877',
      company: 'Vogt Bau GmbH',
      message: 'Bitte Rückruf wegen einer Haustür.',
      favouriteColour: 'blau',
    });
    expect(res.status, res.text).toBe(201);
    const { contact, deal } = await leadOf('vogt@example.de');
    expect(contact).toMatchObject({ lastName: 'Vogt', phone: '0221 998877', ownerId: admin.user.id });
    expect(contact.companyId).toBeTruthy();
    expect((await admin.api.get(`/api/v1/companies/${contact.companyId}`)).body.name).toBe('Vogt Bau GmbH');
    expect(deal).toMatchObject({ ownerId: admin.user.id, companyId: contact.companyId });
    const notes = (await admin.api.get(`/api/v1/activities?dealId=${deal.id}`)).body.data.map((a: { body: string }) => a.body);
    expect(notes.join('\n')).toContain('Bitte Rückruf wegen einer Haustür.');
    expect(notes.join('\n')).not.toContain('blau');
  });

  it('needs an e-mail address or a phone number; the name may come from the e-mail address', async () => {
    const onlyMail = await pub().post('/api/v1/forms/kurz/submissions', { email: 'anna.schmidt@example.de' });
    expect(onlyMail.status, onlyMail.text).toBe(201);
    const anna = await leadOf('anna.schmidt@example.de');
    expect(anna.contact).toMatchObject({ firstName: 'Anna', lastName: 'Schmidt' });
    expect(anna.deal.title).toBe('Anfrage Anna Schmidt');

    const office = await pub().post('/api/v1/forms/kurz/submissions', { email: 'info@tischlerei.example' });
    expect(office.status).toBe(201);
    expect((await leadOf('info@tischlerei.example')).contact).toMatchObject({
      firstName: '',
      lastName: 'info@tischlerei.example',
    });

    // a call-back request: a phone number alone is a lead too
    const callBack = await pub().request('POST', '/api/v1/forms/kurz/submissions', 'phone=0171+2233445', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(callBack.status, callBack.text).toBe(201);
    expect((await leadOf(null, '0171 2233445')).contact).toMatchObject({ phone: '0171 2233445' });

    const unreachable = await pub().post('/api/v1/forms/kurz/submissions', { firstName: 'Otto', message: 'Hallo' });
    expectProblem(unreachable, 400, 'validation_failed');
    expect(unreachable.body.errors).toEqual([
      { path: 'email', message: 'an e-mail address or a phone number is required' },
      { path: 'phone', message: 'an e-mail address or a phone number is required' },
    ]);
    const badMail = await pub().post('/api/v1/forms/kurz/submissions', { lastName: 'Kraus', email: 'kraus(at)example.de' });
    expectProblem(badMail, 400, 'validation_failed');
    expect(badMail.body.errors).toEqual([{ path: 'email', message: 'is not an e-mail address' }]);
  });

  it('fields the admin marks required stay required; a renamed e-mail field counts as the way to reach them', async () => {
    const form = await admin.api.post('/api/v1/forms', {
      name: 'Rückruf',
      key: 'rueckruf',
      fields: [
        { name: 'name', mapTo: 'contact.lastName', required: true },
        { name: 'mail', mapTo: 'contact.email' },
      ],
    });
    expect(form.status, form.text).toBe(201);
    expect(form.body.fields[1]).toMatchObject({ label: 'E-Mail', type: 'email' });
    const missing = await pub().post('/api/v1/forms/rueckruf/submissions', { mail: 'kurt@example.de' });
    expectProblem(missing, 400, 'validation_failed');
    expect(missing.body.errors).toEqual([{ path: 'name', message: 'is required' }]);
    const ok = await pub().post('/api/v1/forms/rueckruf/submissions', { name: 'Kurt Berg', mail: 'kurt@example.de' });
    expect(ok.status, ok.text).toBe(201);
    expect((await leadOf('kurt@example.de')).contact).toMatchObject({ lastName: 'Kurt Berg', email: 'kurt@example.de' });
  });

  it('names a contact after its e-mail address only when the address names a person', () => {
    expect(nameFromEmail('anna.schmidt@example.de')).toEqual({ firstName: 'Anna', lastName: 'Schmidt' });
    expect(nameFromEmail('hans-peter_mueller@example.de')).toEqual({ firstName: 'Hans', lastName: 'Peter Mueller' });
    expect(nameFromEmail('mueller1985@example.de')).toEqual({ firstName: '', lastName: 'Mueller' });
    expect(nameFromEmail('Kontakt@example.de')).toBeNull();
    expect(nameFromEmail('12345@example.de')).toBeNull();
  });
});

describe('web-form intake: spam guard', () => {
  it('limits submissions per client and form: one busy form does not block another', async () => {
    const limited = await buildTestApp({ env: { KONTOR_FORM_LIMIT_PER_MINUTE: '2' } });
    try {
      const owner = await setupAdmin(limited);
      for (const key of ['anfrage', 'rueckruf'])
        expect((await owner.api.post('/api/v1/forms', { name: key, key, fields: [{ name: 'email' }] })).status).toBe(201);
      const web = new Api(limited.app);
      const send = (key: string, i: number) => web.post(`/api/v1/forms/${key}/submissions`, { email: `lead${i}@example.de` });
      expect((await send('anfrage', 1)).status).toBe(201);
      expect((await send('anfrage', 2)).status).toBe(201);
      const third = await send('anfrage', 3);
      expectProblem(third, 429, 'rate_limited');
      expect((await send('rueckruf', 4)).status).toBe(201);
      await limited.app.ctx.events.drain();
      const leads = (await owner.api.get('/api/v1/contacts?q=example.de')).body.data.map((c: { email: string }) => c.email);
      expect(leads.sort()).toEqual(['lead1@example.de', 'lead2@example.de', 'lead4@example.de']);
    } finally {
      await limited.close();
    }
  });
});

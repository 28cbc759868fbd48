import { sql } from 'kysely';
import { Type } from 'typebox';
import { isAdmin } from '../../core/actor.ts';
import { newId } from '../../core/ids.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import { containsText, type ListSpec, listPage, listQuery } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses, Stamps } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { completeField, embedSnippet, findFormByKey, type OwnerRule, presentForm, submitForm } from './forms.service.ts';

const tags = ['Web forms'];

/** The web forms list: by name; one page holds 200. */
const FORM_LIST: ListSpec = {
  defaultSort: 'name',
  defaultLimit: 200,
  idColumn: 'forms.id',
  sortable: {
    name: { expr: sql`lower(forms.name)` },
    key: { expr: 'forms.key' },
    createdAt: { expr: 'forms.createdAt' },
    updatedAt: { expr: 'forms.updatedAt' },
  },
  filters: {
    key: { expr: 'forms.key', schema: Type.String({ maxLength: 64 }) },
    pipelineId: {
      expr: 'forms.pipelineId',
      kind: 'nullable',
      schema: Type.String({ maxLength: 64, description: 'null for none' }),
    },
    enabled: { expr: 'forms.enabled', kind: 'bool', schema: Type.Boolean() },
  },
  search: containsText('forms.name', 'forms.key'),
};

const fieldType = (options: { description?: string } = {}) =>
  Type.Union(
    [
      Type.Literal('text'),
      Type.Literal('email'),
      Type.Literal('tel'),
      Type.Literal('textarea'),
      Type.Literal('number'),
      Type.Literal('date'),
    ],
    options,
  );
const fieldProps = {
  name: Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,39}$' }),
  label: Type.String({ minLength: 1, maxLength: 100 }),
  type: fieldType(),
  required: Type.Optional(Type.Boolean()),
  mapTo: Type.Optional(
    Type.String({
      pattern:
        '^(contact\\.(firstName|lastName|email|phone|street|zip|city)|company\\.name|note|deal\\.customFields\\.[a-zA-Z][a-zA-Z0-9_]*)$',
      description:
        'where the value goes. Default by name: firstName, lastName, email, phone → the contact; company → company.name; ' +
        'message and any other name → the note',
    }),
  ),
};
const FieldSchema = Type.Object(fieldProps, { additionalProperties: false });
/** As written: only the name is needed, label and type follow from it (stored completed, answered as FieldSchema). */
const FieldInputSchema = Type.Object(
  {
    ...fieldProps,
    label: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description:
          'default from the name, in German as the public form is: Vorname, Nachname, E-Mail, Telefon, Firma, Nachricht, ' +
          'Straße, PLZ, Ort; else the name itself',
      }),
    ),
    type: Type.Optional(
      fieldType({ description: 'default from the name: email → email, phone → tel, message → textarea, else text' }),
    ),
  },
  { additionalProperties: false },
);
const ownerRule = (description: string) =>
  Type.Union(
    [
      Type.Object({ type: Type.Literal('user'), userId: Type.String() }, { additionalProperties: false }),
      Type.Object(
        { type: Type.Literal('team'), teamId: Type.String() },
        { additionalProperties: false, description: 'round robin over the team’s managers' },
      ),
    ],
    { description },
  );
const OwnerRuleSchema = ownerRule('who owns the form’s leads');
const Origin = Type.String({ pattern: '^https?://[^/\\s]+$', description: 'e.g. https://www.fensterbau-mueller.de' });
const FormSchema = Type.Object(
  {
    ...Stamps,
    key: Type.String(),
    name: Type.String(),
    pipelineId: Type.Union([Type.String(), Type.Null()]),
    stageId: Type.Union([Type.String(), Type.Null()]),
    ownerRule: OwnerRuleSchema,
    fields: Type.Array(FieldSchema),
    allowedOrigins: Type.Array(Type.String()),
    honeypot: Type.String(),
    successMessage: Type.Union([Type.String(), Type.Null()]),
    redirectUrl: Type.Union([Type.String(), Type.Null()]),
    enabled: Type.Boolean(),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0fm',
        key: 'kontakt',
        name: 'Kontaktformular',
        pipelineId: null,
        stageId: null,
        ownerRule: { type: 'team', teamId: '01jdq3m6e2x7k9v4b8c1n5t0tm' },
        fields: [
          { name: 'lastName', label: 'Name', type: 'text', required: true },
          { name: 'email', label: 'E-Mail', type: 'email', required: true },
          { name: 'phone', label: 'Telefon', type: 'tel' },
          { name: 'message', label: 'Ihre Nachricht', type: 'textarea' },
        ],
        allowedOrigins: ['https://www.fensterbau-mueller.de'],
        honeypot: 'website',
        successMessage: 'Vielen Dank! Wir melden uns in Kürze.',
        redirectUrl: null,
        enabled: true,
        createdAt: '2026-11-20T08:00:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 2,
      },
    ],
  },
);
const writable = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  pipelineId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  stageId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  ownerRule: Type.Optional(
    ownerRule(
      'who owns the form’s leads (and gets their call-back task): a user, or round robin over a team’s managers. ' +
        'Default on create: the admin who creates the form',
    ),
  ),
  fields: Type.Array(FieldInputSchema, { minItems: 1, maxItems: 40 }),
  allowedOrigins: Type.Optional(Type.Array(Origin, { maxItems: 20 })),
  honeypot: Type.Optional(Type.String({ pattern: '^[a-zA-Z_][a-zA-Z0-9_]{0,39}$' })),
  successMessage: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  redirectUrl: Type.Optional(Type.Union([Type.String({ pattern: '^https?://' }), Type.Null()])),
  enabled: Type.Optional(Type.Boolean()),
};
const CreateFormSchema = Type.Object(
  { key: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,59}$' }), ...writable },
  {
    additionalProperties: false,
    examples: [
      {
        key: 'kontakt',
        name: 'Kontaktformular',
        fields: [{ name: 'firstName' }, { name: 'lastName' }, { name: 'email' }, { name: 'phone' }, { name: 'message' }],
      },
      {
        key: 'rueckruf',
        name: 'Rückruf-Service',
        pipelineId: '<pipeline id>',
        stageId: '<stage id>',
        ownerRule: { type: 'team', teamId: '<team id>' },
        fields: [
          { name: 'lastName', label: 'Ihr Name', type: 'text' },
          { name: 'phone', label: 'Ihre Telefonnummer', type: 'tel', required: true },
          { name: 'wish', label: 'Wunschtermin', mapTo: 'note' },
        ],
        allowedOrigins: ['https://www.fensterbau-mueller.de'],
      },
    ],
  },
);
const UpdateFormSchema = Type.Partial(Type.Object(writable), {
  additionalProperties: false,
  minProperties: 1,
  examples: [{ redirectUrl: 'https://www.fensterbau-mueller.de/danke', allowedOrigins: ['https://www.fensterbau-mueller.de'] }],
});
const SubmissionResult = Type.Object(
  { id: Type.String(), message: Type.String() },
  { examples: [{ id: '01jdq3m6e2x7k9v4b8c1n5t0fs', message: 'Vielen Dank! Wir melden uns in Kürze.' }] },
);

export function formsRoutes(app: App, { ctx }: RouteDeps): void {
  const admin = (request: Parameters<typeof actorOf>[0]) => {
    if (!isAdmin(actorOf(request))) throw forbidden('Only an administrator can manage web forms');
  };
  // The validator coerces a JSON null in a string|null field to "": both mean "none" (default pipeline, first stage).
  const target = async (b: { pipelineId?: string | null; stageId?: string | null }) => {
    const pipelineId = b.pipelineId || null;
    const stageId = pipelineId ? b.stageId || null : null;
    if (pipelineId && !(await ctx.db.selectFrom('pipelines').select('id').where('id', '=', pipelineId).executeTakeFirst()))
      throw new AppError('validation_failed', 'Unknown pipeline', [{ path: 'pipelineId', message: 'unknown pipeline' }]);
    if (
      stageId &&
      !(await ctx.db
        .selectFrom('stages')
        .select('id')
        .where('id', '=', stageId)
        .where('pipelineId', '=', pipelineId as string)
        .executeTakeFirst())
    )
      throw new AppError('validation_failed', 'Unknown stage', [{ path: 'stageId', message: 'not a stage of the pipeline' }]);
    return { pipelineId, stageId };
  };
  /** A rule names someone who exists: a lead owned by nobody gets no call-back task. */
  const checkOwner = async (rule: OwnerRule | undefined) => {
    if (!rule) return;
    const found =
      rule.type === 'user'
        ? await ctx.db.selectFrom('users').select('id').where('id', '=', rule.userId).where('active', '=', 1).executeTakeFirst()
        : await ctx.db.selectFrom('teams').select('id').where('id', '=', rule.teamId).executeTakeFirst();
    if (!found) {
      const path = rule.type === 'user' ? 'ownerRule.userId' : 'ownerRule.teamId';
      throw new AppError('validation_failed', `Unknown ${rule.type}`, [{ path, message: `unknown ${rule.type}` }]);
    }
  };
  /** Label and type from the name; a name used twice would post one value into two fields. */
  const completeFields = (fields: Parameters<typeof completeField>[0][]) => {
    const errors = fields
      .map((f, i) => ({
        path: `fields.${i}.name`,
        message: 'is used twice',
        twice: fields.findIndex((g) => g.name === f.name) < i,
      }))
      .filter((e) => e.twice)
      .map(({ path, message }) => ({ path, message }));
    if (errors.length > 0) throw new AppError('validation_failed', 'Each field needs its own name', errors);
    return fields.map(completeField);
  };
  const getForm = async (id: string) => {
    const row = await ctx.db.selectFrom('forms').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Form');
    return row;
  };

  app.get(
    '/api/v1/forms',
    {
      schema: {
        tags,
        summary: 'Web forms (admin)',
        querystring: listQuery(FORM_LIST),
        response: { 200: ListOf(FormSchema), ...problemResponses },
      },
    },
    async (request) => {
      admin(request);
      const page = await listPage(ctx.db.selectFrom('forms').selectAll(), FORM_LIST, request.query);
      return { data: page.rows.map(presentForm), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/api/v1/forms',
    {
      schema: {
        tags,
        summary: 'Create a web form (admin)',
        body: CreateFormSchema,
        response: { 201: FormSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      admin(request);
      const b = request.body;
      if (await ctx.db.selectFrom('forms').select('id').where('key', '=', b.key).executeTakeFirst())
        throw conflict('A form with this key exists', [{ path: 'key', message: 'already in use' }]);
      const { pipelineId, stageId } = await target(b);
      // Without a rule the leads go to the admin who creates the form. In a small company that is the owner or the
      // office manager who set up the website and reads its leads first anyway; every lead has an owner from its
      // first minute (the call-back task needs one), and the form shows the rule to change at any time. Round
      // robin over all managers would hand leads to people who do not sell (an estimator is a manager too).
      const rule: OwnerRule = b.ownerRule ?? { type: 'user', userId: actorOf(request).userId };
      await checkOwner(rule);
      const fields = completeFields(b.fields);
      const now = ctx.clock.now().toISOString();
      const id = newId();
      await ctx.db
        .insertInto('forms')
        .values({
          id,
          key: b.key,
          name: b.name,
          pipelineId,
          stageId,
          ownerRule: JSON.stringify(rule),
          fields: JSON.stringify(fields),
          allowedOrigins: JSON.stringify(b.allowedOrigins ?? []),
          honeypot: b.honeypot ?? 'website',
          successMessage: b.successMessage || null,
          redirectUrl: b.redirectUrl || null,
          enabled: b.enabled === false ? 0 : 1,
          lastAssigneeId: null,
          createdAt: now,
          updatedAt: now,
          version: 1,
        })
        .execute();
      return reply.code(201).send(presentForm(await getForm(id)));
    },
  );
  app.get(
    '/api/v1/forms/:id',
    { schema: { tags, summary: 'Get a web form (admin)', params: IdParams, response: { 200: FormSchema, ...problemResponses } } },
    async (request) => {
      admin(request);
      return presentForm(await getForm(request.params.id));
    },
  );
  app.patch(
    '/api/v1/forms/:id',
    {
      schema: {
        tags,
        summary: 'Change a web form (admin)',
        params: IdParams,
        body: UpdateFormSchema,
        response: { 200: FormSchema, ...problemResponses },
      },
    },
    async (request) => {
      admin(request);
      const current = await getForm(request.params.id);
      const b = request.body;
      await checkOwner(b.ownerRule);
      if (b.fields) b.fields = completeFields(b.fields);
      const json = (k: 'ownerRule' | 'fields' | 'allowedOrigins') => (b[k] !== undefined ? { [k]: JSON.stringify(b[k]) } : {});
      const { ownerRule: _o, fields: _f, allowedOrigins: _a, enabled, pipelineId: _p, stageId: _s, ...plain } = b;
      const where =
        b.pipelineId !== undefined || b.stageId !== undefined
          ? await target({
              pipelineId: b.pipelineId !== undefined ? b.pipelineId : current.pipelineId,
              stageId: b.stageId !== undefined ? b.stageId : b.pipelineId !== undefined ? null : current.stageId,
            })
          : {};
      if (plain.successMessage !== undefined) plain.successMessage = plain.successMessage || null;
      if (plain.redirectUrl !== undefined) plain.redirectUrl = plain.redirectUrl || null;
      await ctx.db
        .updateTable('forms')
        .set({
          ...plain,
          ...where,
          ...json('ownerRule'),
          ...json('fields'),
          ...json('allowedOrigins'),
          ...(enabled !== undefined ? { enabled: enabled ? 1 : 0 } : {}),
          updatedAt: ctx.clock.now().toISOString(),
          version: sql`version + 1` as unknown as number,
        })
        .where('id', '=', request.params.id)
        .execute();
      return presentForm(await getForm(request.params.id));
    },
  );
  app.get(
    '/api/v1/forms/:id/embed',
    {
      schema: {
        tags,
        summary: 'The HTML snippet to paste into the website (admin)',
        params: IdParams,
        response: {
          200: Type.Object(
            { html: Type.String(), action: Type.String() },
            {
              examples: [
                {
                  html: '<form class="kontor-form" method="post" action="https://crm.example.de/api/v1/forms/kontakt/submissions">\n  <label>Name<br><input type="text" name="lastName" required></label><br>\n  …\n</form>\n<script>…</script>',
                  action: 'https://crm.example.de/api/v1/forms/kontakt/submissions',
                },
              ],
            },
          ),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      admin(request);
      const form = presentForm(await getForm(request.params.id));
      return {
        html: embedSnippet(ctx.config.publicUrl, form),
        action: `${ctx.config.publicUrl}/api/v1/forms/${form.key}/submissions`,
      };
    },
  );

  // Public intake: JSON or form-encoded, from shops and CMSs (server-side) or browsers (allowed origins only).
  app.register(async (scope: App) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    const Params = Type.Object(
      { formKey: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,59}$' }) },
      { additionalProperties: false },
    );
    const corsFor = async (request: { headers: Record<string, unknown>; params: { formKey: string } }) => {
      const form = await findFormByKey(ctx, request.params.formKey);
      const origin = typeof request.headers.origin === 'string' ? request.headers.origin : null;
      const allowed = JSON.parse(form.allowedOrigins) as string[];
      if (origin && allowed.length > 0 && !allowed.includes(origin))
        throw new AppError('forbidden', 'This website may not send to this form');
      return { form, origin: origin && allowed.includes(origin) ? origin : null, sentOrigin: origin };
    };
    scope.options(
      '/api/v1/forms/:formKey/submissions',
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'CORS preflight for the allowed website origins',
          security: [],
          params: Params,
          response: { 204: Type.Null(), ...problemResponses },
        },
      },
      async (request, reply) => {
        const { origin } = await corsFor(request);
        if (origin)
          reply
            .header('access-control-allow-origin', origin)
            .header('vary', 'Origin')
            .header('access-control-allow-methods', 'POST')
            .header('access-control-allow-headers', 'content-type')
            .header('access-control-max-age', '600');
        return reply.code(204).send(null);
      },
    );
    scope.post(
      '/api/v1/forms/:formKey/submissions',
      {
        // per client and form: a shop posting its leads server-side (one address) is not stopped by another form
        config: {
          public: true,
          rateLimit: {
            max: ctx.config.formLimitPerMinute,
            timeWindow: '1 minute',
            keyGenerator: (request) => `${request.ip}|${(request.params as { formKey?: string }).formKey ?? ''}`,
          },
        },
        schema: {
          tags,
          summary: 'Submit a web-form lead (public): a contact (matched by e-mail or phone) and a deal, then form.submitted',
          description:
            'JSON or application/x-www-form-urlencoded. The standard fields firstName, lastName, email, phone, company and ' +
            'message are taken whether the form declares them or not; utm_* are kept as the source; other unknown fields are ignored. ' +
            'A lead needs an e-mail address or a phone number (else 400 at email and phone); without a name the contact is ' +
            'named after the e-mail address. Fields the form marks required are required.',
          security: [],
          params: Params,
          body: Type.Record(Type.String(), Type.Unknown(), {
            description: 'the form fields',
            examples: [
              {
                lastName: 'Becker',
                email: 'klaus.becker@example.de',
                phone: '0152 1122334',
                message: 'Bitte um ein Angebot für 4 Fenster im Altbau.',
                utm_source: 'google',
              },
            ],
          }),
          consumes: ['application/json', 'application/x-www-form-urlencoded'],
          response: {
            201: {
              description: 'The lead was taken: JSON, or a thank-you page for a browser posting the HTML form',
              content: {
                'application/json': { schema: SubmissionResult },
                'text/html': {
                  schema: Type.String({
                    examples: [
                      '<!doctype html><meta charset="utf-8"><title>Danke</title><p>Vielen Dank! Wir melden uns in Kürze.</p>',
                    ],
                  }),
                },
              },
            },
            303: Type.Null({ description: 'A browser posting the HTML form goes on to the form’s redirectUrl (Location)' }),
            ...problemResponses,
          },
        },
      },
      async (request, reply) => {
        const { form, origin, sentOrigin } = await corsFor(request);
        if (origin) reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
        const result = await submitForm(ctx, form, (request.body ?? {}) as Record<string, unknown>, {
          ip: request.ip,
          origin: sentOrigin,
        });
        const message = form.successMessage ?? 'Vielen Dank! Wir melden uns in Kürze.';
        const wantsHtml =
          String(request.headers['content-type'] ?? '').includes('urlencoded') &&
          String(request.headers.accept ?? '').includes('text/html');
        if (wantsHtml && form.redirectUrl) return reply.code(303).header('location', form.redirectUrl).send(null);
        if (wantsHtml) {
          const safe = message.replace(
            /[&<>"]/g,
            (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
          );
          return reply
            .code(201)
            .type('text/html; charset=utf-8')
            .send(`<!doctype html><meta charset="utf-8"><title>Danke</title><p>${safe}</p>`);
        }
        return reply.code(201).send({ id: result.id, message });
      },
    );
  });
}

import { sql } from 'kysely';
import { Type } from 'typebox';
import { isAdmin } from '../../core/actor.ts';
import { newId } from '../../core/ids.ts';
import { actorOf } from '../../http/auth.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import { containsText, type ListSpec, listPage, listQuery } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses, Stamps } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { embedSnippet, findFormByKey, presentForm, submitForm } from './forms.service.ts';

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

const FieldSchema = Type.Object(
  {
    name: Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,39}$' }),
    label: Type.String({ minLength: 1, maxLength: 100 }),
    type: Type.Union([
      Type.Literal('text'),
      Type.Literal('email'),
      Type.Literal('tel'),
      Type.Literal('textarea'),
      Type.Literal('number'),
      Type.Literal('date'),
    ]),
    required: Type.Optional(Type.Boolean()),
    mapTo: Type.Optional(
      Type.String({
        pattern:
          '^(contact\\.(firstName|lastName|email|phone|street|zip|city)|company\\.name|note|deal\\.customFields\\.[a-zA-Z][a-zA-Z0-9_]*)$',
      }),
    ),
  },
  { additionalProperties: false },
);
const OwnerRuleSchema = Type.Union([
  Type.Object({ type: Type.Literal('user'), userId: Type.String() }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal('team'), teamId: Type.String() },
    { additionalProperties: false, description: 'round robin over the team’s managers' },
  ),
]);
const Origin = Type.String({ pattern: '^https?://[^/\\s]+$', description: 'e.g. https://www.fensterbau-mueller.de' });
const FormSchema = Type.Object({
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
});
const writable = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  pipelineId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  stageId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  ownerRule: OwnerRuleSchema,
  fields: Type.Array(FieldSchema, { minItems: 1, maxItems: 40 }),
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
        ownerRule: { type: 'user', userId: '<user id>' },
        fields: [
          { name: 'lastName', label: 'Name', type: 'text', required: true },
          { name: 'email', label: 'E-Mail', type: 'email' },
        ],
      },
    ],
  },
);
const UpdateFormSchema = Type.Partial(Type.Object(writable), { additionalProperties: false, minProperties: 1 });
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
          ownerRule: JSON.stringify(b.ownerRule),
          fields: JSON.stringify(b.fields),
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
        response: { 200: Type.Object({ html: Type.String(), action: Type.String() }), ...problemResponses },
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
        config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Submit a web-form lead (public): a contact (matched by e-mail or phone) and a deal, then form.submitted',
          description:
            'JSON or application/x-www-form-urlencoded. Standard fields firstName, lastName, email, phone, company, message; utm_* are kept as the source. Unknown fields are ignored.',
          security: [],
          params: Params,
          body: Type.Record(Type.String(), Type.Unknown(), { description: 'the form fields' }),
          response: { 201: SubmissionResult, ...problemResponses },
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

import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { expectedVersion } from '../../http/if-match.ts';
import { type ItemListSpec, listItems, listQuery } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses, Stamps } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { ConditionGroupSchema, type Definition, StepSchema, TriggerSchema } from './definition.ts';
import type { WorkflowEngine } from './engine.ts';
import { InstallSchema, installTemplate, PROCESS_TEMPLATES } from './templates.ts';
import * as service from './workflows.service.ts';

const tags = ['Automation'];

const WorkflowSchema = Type.Object(
  {
    ...Stamps,
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    enabled: Type.Boolean(),
    trigger: TriggerSchema,
    conditions: Type.Union([ConditionGroupSchema, Type.Null()]),
    steps: Type.Array(Type.Unknown()),
    definitionVersion: Type.Integer({
      description: 'Increases when trigger, conditions or steps change; runs finish on the version they started with',
    }),
    templateKey: Type.Union([Type.String(), Type.Null()]),
    webhookSecretSet: Type.Boolean({ description: 'Whether the workflow has a secret that signs its webhook calls' }),
    webhookSecret: Type.Optional(
      Type.String({
        description:
          'The webhook signing secret, answered only once: when a save first gives the workflow a webhook step, or on rotation',
      }),
    ),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0wf',
        name: 'Gewonnen: Dankeschön-Anruf',
        description: 'Ab 1.000 € netto ruft der Inhaber am nächsten Tag an und bedankt sich.',
        enabled: true,
        trigger: { type: 'deal.won' },
        conditions: { all: [{ field: 'deal.amountCents', op: 'gte', value: 100000 }] },
        steps: [
          {
            type: 'create_task',
            title: 'Danke sagen: {{contact.name}}',
            taskType: 'call',
            assignee: { type: 'owner' },
            due: { type: 'relative', minutes: 1440 },
          },
        ],
        definitionVersion: 1,
        templateKey: null,
        webhookSecretSet: false,
        createdAt: '2026-11-28T09:15:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 1,
      },
    ],
  },
);
const RecordType = Type.Union([Type.Literal('contact'), Type.Literal('company'), Type.Literal('deal'), Type.Literal('task')]);
const ManualWorkflowSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.Union([Type.String(), Type.Null()]),
    entityType: Type.Union([RecordType, Type.Null()], { description: 'null: offered on every kind of record' }),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0wm',
        name: 'Aufmaß anfragen',
        description: 'Legt die Aufmaß-Aufgabe an und sagt dem Inhaber Bescheid',
        entityType: 'deal',
      },
    ],
  },
);
const CreateWorkflowSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    enabled: Type.Optional(Type.Boolean()),
    trigger: TriggerSchema,
    conditions: Type.Optional(ConditionGroupSchema),
    steps: Type.Array(StepSchema, { minItems: 1, maxItems: 100 }),
  },
  {
    additionalProperties: false,
    examples: [
      {
        name: 'Gewonnen: Dankeschön-Anruf',
        trigger: { type: 'deal.won' },
        conditions: { all: [{ field: 'deal.amountCents', op: 'gte', value: 100000 }] },
        steps: [
          {
            type: 'create_task',
            title: 'Danke sagen: {{contact.name}}',
            taskType: 'call',
            assignee: { type: 'owner' },
            due: { type: 'relative', minutes: 1440 },
          },
        ],
      },
    ],
  },
);
const UpdateWorkflowSchema = Type.Partial(
  Type.Object({
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
    enabled: Type.Boolean(),
    trigger: TriggerSchema,
    conditions: Type.Union([ConditionGroupSchema, Type.Null()]),
    steps: Type.Array(StepSchema, { minItems: 1, maxItems: 100 }),
  }),
  { additionalProperties: false, minProperties: 1, examples: [{ enabled: false }] },
);
const RunSchema = Type.Object(
  {
    id: Type.String(),
    workflowId: Type.String(),
    workflowVersion: Type.Integer(),
    status: Type.String({ description: 'running, waiting, done, failed, canceled' }),
    trigger: Type.Unknown(),
    entityType: Type.Union([Type.String(), Type.Null()]),
    entityId: Type.Union([Type.String(), Type.Null()]),
    dealId: Type.Union([Type.String(), Type.Null()]),
    error: Type.Union([Type.String(), Type.Null()]),
    waitUntil: Type.Union([Type.String(), Type.Null()]),
    startedAt: Type.String(),
    finishedAt: Type.Union([Type.String(), Type.Null()]),
    steps: Type.Array(
      Type.Object({
        path: Type.String(),
        type: Type.String(),
        status: Type.String(),
        output: Type.Unknown(),
        error: Type.Union([Type.String(), Type.Null()]),
        at: Type.String(),
      }),
    ),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0wr',
        workflowId: '01jdq3m6e2x7k9v4b8c1n5t0wf',
        workflowVersion: 1,
        status: 'done',
        trigger: {
          type: 'manual',
          entityType: 'deal',
          entityId: '01jdq3m6e2x7k9v4b8c1n5t0dl',
          data: { startedBy: '01jdq3m6e2x7k9v4b8c1n5t0ad' },
          refs: { dealId: '01jdq3m6e2x7k9v4b8c1n5t0dl' },
        },
        entityType: 'deal',
        entityId: '01jdq3m6e2x7k9v4b8c1n5t0dl',
        dealId: '01jdq3m6e2x7k9v4b8c1n5t0dl',
        error: null,
        waitUntil: null,
        startedAt: '2026-11-28T09:15:00.000Z',
        finishedAt: '2026-11-28T09:15:00.000Z',
        steps: [
          {
            path: '[0]',
            type: 'create_task',
            status: 'done',
            output: {
              taskId: '01jdq3m6e2x7k9v4b8c1n5t0tk',
              assigneeId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
              dueAt: '2026-11-29T09:15:00.000Z',
            },
            error: null,
            at: '2026-11-28T09:15:00.000Z',
          },
        ],
      },
    ],
  },
);
const TemplateSchema = Type.Object(
  {
    key: Type.String(),
    name: Type.Object({ de: Type.String(), en: Type.String() }),
    description: Type.Object({ de: Type.String(), en: Type.String() }),
    roles: Type.Array(
      Type.Object({ key: Type.String(), kind: Type.String(), label: Type.Object({ de: Type.String(), en: Type.String() }) }),
    ),
    settings: Type.Record(
      Type.String(),
      Type.Object({
        default: Type.Number(),
        min: Type.Number(),
        max: Type.Number(),
        label: Type.Object({ de: Type.String(), en: Type.String() }),
      }),
    ),
  },
  {
    examples: [
      {
        key: 'salon-rebooking',
        name: { de: 'Salon: Termin nachbuchen', en: 'Salon: re-booking reminder' },
        description: {
          de: 'Nach jedem Besuch erinnert Kontor nach X Tagen an den nächsten Termin.',
          en: 'After each visit Kontor reminds you after X days to book the next appointment.',
        },
        roles: [{ key: 'reception', kind: 'user', label: { de: 'Empfang', en: 'Reception' } }],
        settings: {
          rebookAfterDays: {
            default: 42,
            min: 1,
            max: 365,
            label: { de: 'Erinnern nach (Tagen)', en: 'Remind after (days)' },
          },
        },
      },
    ],
  },
);

type ShippedTemplate = (typeof PROCESS_TEMPLATES)[number];

/** The shipped process templates, in their order (or by key). */
const TEMPLATE_LIST: ItemListSpec<ShippedTemplate> = {
  defaultSort: 'position',
  defaultLimit: 200,
  idOf: (tpl) => tpl.key,
  sortable: { position: (tpl) => PROCESS_TEMPLATES.indexOf(tpl), key: (tpl) => tpl.key },
  filters: { key: { schema: Type.String({ maxLength: 64 }), matches: (tpl, value) => tpl.key === value } },
  search: (tpl, text) =>
    [tpl.key, tpl.name.de, tpl.name.en].some((s) => s.toLocaleLowerCase().includes(text.toLocaleLowerCase())),
};

export function workflowsRoutes(app: App, { ctx }: RouteDeps, engine: () => WorkflowEngine): void {
  app.get(
    '/api/v1/workflows',
    {
      schema: {
        tags,
        summary: 'Workflows (admin)',
        querystring: listQuery(service.WORKFLOW_LIST),
        response: { 200: ListOf(WorkflowSchema), ...problemResponses },
      },
    },
    async (request) => {
      service.assertAdmin(actorOf(request));
      return service.listWorkflows(ctx, request.query);
    },
  );
  app.get(
    '/api/v1/workflows/manual',
    {
      schema: {
        tags,
        summary: 'Manual workflows any user can start on a record of this type (the buttons on a record)',
        querystring: listQuery(service.MANUAL_WORKFLOW_LIST, { extra: { entityType: RecordType } }),
        response: { 200: ListOf(ManualWorkflowSchema), ...problemResponses },
      },
    },
    async (request) => {
      actorOf(request);
      return service.listManualWorkflows(ctx, request.query);
    },
  );
  app.post(
    '/api/v1/workflows/:id/webhook-secret',
    {
      schema: {
        tags,
        summary: 'Make a new webhook signing secret (admin); the answer is the only time it is shown',
        params: IdParams,
        response: {
          200: Type.Object({ secret: Type.String() }, { examples: [{ secret: 'whsec_4fJq9TzK2mWp7XbR1cVd8NsLh3GyE6Ua' }] }),
          ...problemResponses,
        },
      },
    },
    async (request) => ({ secret: await service.rotateSecret(ctx, actorOf(request), request.params.id) }),
  );
  app.post(
    '/api/v1/workflows',
    {
      schema: {
        tags,
        summary: 'Create a workflow: trigger → conditions → steps (admin)',
        body: CreateWorkflowSchema,
        response: { 201: WorkflowSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send((await service.createWorkflow(ctx, actorOf(request), request.body as never)) as never),
  );
  app.get(
    '/api/v1/workflows/:id',
    {
      schema: {
        tags,
        summary: 'Get a workflow (admin)',
        params: IdParams,
        response: { 200: WorkflowSchema, ...problemResponses },
      },
    },
    async (request) => {
      service.assertAdmin(actorOf(request));
      return service.presentWorkflow(await service.getWorkflow(ctx, request.params.id)) as never;
    },
  );
  app.patch(
    '/api/v1/workflows/:id',
    {
      schema: {
        tags,
        summary: 'Change, enable or disable a workflow (admin); a changed definition is a new version',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: UpdateWorkflowSchema,
        response: { 200: WorkflowSchema, ...problemResponses },
      },
    },
    async (request) =>
      service.updateWorkflow(ctx, actorOf(request), request.params.id, request.body as never, expectedVersion(request)),
  );
  app.delete(
    '/api/v1/workflows/:id',
    {
      schema: {
        tags,
        summary: 'Delete a workflow and its run log (admin)',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await service.deleteWorkflow(ctx, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/v1/workflows/:id/run',
    {
      schema: {
        tags,
        summary:
          'Run a workflow now on a record: any user may start an enabled manual workflow on a record they can see; ' +
          'an admin may also test-run any workflow',
        params: IdParams,
        body: Type.Object(
          {
            entityType: Type.Optional(RecordType),
            entityId: Type.Optional(Type.String({ maxLength: 64 })),
            dealId: Type.Optional(Type.String({ description: 'Short for entityType deal' })),
            contactId: Type.Optional(Type.String({ description: 'Short for entityType contact' })),
          },
          { additionalProperties: false, examples: [{ entityType: 'deal', entityId: '01J…' }] },
        ),
        response: { 201: RunSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { entityType, entityId } = await service.manualTarget(ctx, actor, request.params.id, request.body);
      const wf = await service.getWorkflow(ctx, request.params.id);
      const run = await engine().startRun(wf, {
        type: 'manual' as never,
        entityType,
        entityId,
        data: { startedBy: actor.userId },
      });
      await app.scheduler.tick();
      return reply.code(201).send(await service.getRun(ctx, run.id));
    },
  );
  app.get(
    '/api/v1/workflow-runs',
    {
      schema: {
        tags,
        summary: 'Runs of workflows with their steps, results and errors (admin)',
        querystring: listQuery(service.RUN_LIST),
        response: { 200: ListOf(RunSchema), ...problemResponses },
      },
    },
    async (request) => {
      service.assertAdmin(actorOf(request));
      return service.listRuns(ctx, request.query);
    },
  );
  app.post(
    '/api/v1/workflow-runs/:id/retry',
    {
      schema: {
        tags,
        summary: 'Retry a failed run from its failed step (admin)',
        params: IdParams,
        response: { 200: Type.Object({ ok: Type.Boolean() }, { examples: [{ ok: true }] }), ...problemResponses },
      },
    },
    async (request) => {
      service.assertAdmin(actorOf(request));
      const run = await ctx.db.selectFrom('workflowRuns').select('status').where('id', '=', request.params.id).executeTakeFirst();
      if (!run) throw notFound('Run');
      if (run.status !== 'failed') throw new AppError('conflict', 'Only failed runs can be retried');
      await engine().retry(request.params.id);
      return { ok: true };
    },
  );

  app.get(
    '/api/v1/workflow-templates',
    {
      schema: {
        tags,
        summary: 'Shipped processes that can be installed',
        querystring: listQuery(TEMPLATE_LIST),
        response: { 200: ListOf(TemplateSchema), ...problemResponses },
      },
    },
    async (request) => {
      actorOf(request);
      const page = listItems(PROCESS_TEMPLATES, TEMPLATE_LIST, request.query);
      return {
        data: page.rows.map(({ key, name, description, roles, settings }) => ({ key, name, description, roles, settings })),
        nextCursor: page.nextCursor,
      };
    },
  );
  app.post(
    '/api/v1/workflow-templates/:key/install',
    {
      schema: {
        tags,
        summary: 'Install a shipped process with roles mapped to users and teams (admin)',
        params: Type.Object({ key: Type.String({ maxLength: 60 }) }, { additionalProperties: false }),
        body: InstallSchema,
        response: {
          201: Type.Object(
            {
              pipelineId: Type.String(),
              formKey: Type.Union([Type.String(), Type.Null()]),
              workflowIds: Type.Array(Type.String()),
            },
            {
              examples: [
                {
                  pipelineId: '01jdq3m6e2x7k9v4b8c1n5t0pi',
                  formKey: 'anfrage',
                  workflowIds: [
                    '01jdq3m6e2x7k9v4b8c1n5t0w1',
                    '01jdq3m6e2x7k9v4b8c1n5t0w2',
                    '01jdq3m6e2x7k9v4b8c1n5t0w3',
                    '01jdq3m6e2x7k9v4b8c1n5t0w4',
                    '01jdq3m6e2x7k9v4b8c1n5t0w5',
                    '01jdq3m6e2x7k9v4b8c1n5t0w6',
                  ],
                },
              ],
            },
          ),
          ...problemResponses,
        },
      },
    },
    async (request, reply) => {
      service.assertAdmin(actorOf(request));
      return reply.code(201).send(await installTemplate(ctx, request.params.key, request.body));
    },
  );
}

export type { Definition };

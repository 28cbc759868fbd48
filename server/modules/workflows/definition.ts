import { type Static, type TLiteral, type TUnion, Type } from 'typebox';

const oneOf = <T extends string>(values: readonly T[], options: Record<string, unknown> = {}): TUnion<TLiteral<T>[]> =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  ) as TUnion<TLiteral<T>[]>;

// The shape of a workflow: trigger → conditions → steps. Stored as JSON, validated with these schemas.

const FieldPath = Type.String({
  pattern: '^[a-zA-Z][a-zA-Z0-9_.]{0,100}$',
  description:
    'e.g. deal.amountCents, deal.customFields.visitAt, deal.stageKey, task.type, task.completionNote, contact.source; ' +
    'and what a deal already has: deal.openTaskTypes / deal.doneTaskTypes (the types of its open / done tasks) and ' +
    'deal.documentKinds (the kinds of its issued documents), lists for contains / not_contains',
});

export const CONDITION_OPS = [
  'eq',
  'neq',
  'empty',
  'not_empty',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'not_contains',
  'in',
] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export const ConditionSchema = Type.Object(
  {
    field: FieldPath,
    op: oneOf(CONDITION_OPS, {
      description:
        'contains / not_contains: a list holds the value, or a text holds it (case-insensitive); in: the value is one of a list',
    }),
    value: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);
export type Condition = Omit<Static<typeof ConditionSchema>, 'op'> & { op: ConditionOp };

const conditionGroup = (description: string) =>
  Type.Object(
    {
      all: Type.Optional(
        Type.Array(
          Type.Union([ConditionSchema, Type.Object({ any: Type.Array(ConditionSchema) }, { additionalProperties: false })]),
          { maxItems: 50 },
        ),
      ),
      any: Type.Optional(
        Type.Array(
          Type.Union([ConditionSchema, Type.Object({ all: Type.Array(ConditionSchema) }, { additionalProperties: false })]),
          { maxItems: 50 },
        ),
      ),
    },
    { additionalProperties: false, description },
  );
export const ConditionGroupSchema = conditionGroup('AND (all) / OR (any) groups, one level of nesting');
export type ConditionGroup = { all?: (Condition | { any: Condition[] })[]; any?: (Condition | { all: Condition[] })[] };

export const TRIGGER_TYPES = [
  'record.created',
  'record.updated',
  'deal.stage_changed',
  'deal.won',
  'deal.lost',
  'deal.paid',
  'task.completed',
  'form.submitted',
  'schedule',
  'date',
  'manual',
] as const;

const recordField = (description: string) =>
  Type.String({
    pattern: '^[a-zA-Z][a-zA-Z0-9_.]{0,100}$',
    description: `${description} A field of the trigger's record, e.g. stageId, amountCents, expectedCloseDate, dueAt, customFields.visitAt (a leading "deal." / "task." … naming the entity is accepted).`,
  });

export const TriggerSchema = Type.Object(
  {
    type: oneOf(TRIGGER_TYPES, {
      description:
        'record.created / record.updated (of `entity`), deal.stage_changed, deal.won, deal.lost, deal.paid, ' +
        'task.completed (optionally of `taskType`), form.submitted (optionally of `formKey`), ' +
        'schedule (every slot of `cron`, no record), date (`offsetMinutes` relative to `dateField` of each `entity` record), ' +
        'manual (started by a user on a record of `entity` with POST /api/v1/workflows/{id}/run)',
    }),
    entity: Type.Optional(
      Type.Union([Type.Literal('contact'), Type.Literal('company'), Type.Literal('deal'), Type.Literal('task')], {
        description:
          'record.created/record.updated: which records; date: whose date field (required); manual: on which records the button appears (any when absent)',
      }),
    ),
    pipelineId: Type.Optional(Type.String()),
    toStageId: Type.Optional(Type.String()),
    taskType: Type.Optional(Type.String()),
    formKey: Type.Optional(Type.String()),
    field: Type.Optional(recordField('record.updated: fire only when this field changed.')),
    changedTo: Type.Optional(
      Type.Unknown({
        description:
          'record.updated with `field`: fire only when the field changed to this value (compared as text; null = was cleared)',
      }),
    ),
    cron: Type.Optional(
      Type.String({
        maxLength: 100,
        description:
          'schedule: a 5-field cron expression "minute hour day-of-month month weekday" in Europe/Berlin time ' +
          '(lists, ranges, */steps, jan–dec, sun–sat; 0 and 7 are Sunday), e.g. "0 8 * * 1-5" = weekdays at 08:00. ' +
          'A slot missed while the server was down runs once, late.',
      }),
    ),
    dateField: Type.Optional(
      recordField(
        'date: the date or date-time field the run is timed by, e.g. expectedCloseDate (deal), dueAt (task), ' +
          'customFields.visitAt. A date without time counts as 09:00 Europe/Berlin. Runs once per record and value; ' +
          'a changed value reschedules it, a cleared value or deleted record drops it; moments already past are not run.',
      ),
    ),
    offsetMinutes: Type.Optional(
      Type.Integer({
        minimum: -525_600,
        maximum: 525_600,
        description: 'date: minutes relative to the field, e.g. -4320 = 3 days before, 60 = one hour after (default 0)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type TriggerType = (typeof TRIGGER_TYPES)[number];
export type Trigger = Omit<Static<typeof TriggerSchema>, 'type'> & { type: TriggerType };

export const AssigneeSchema = Type.Object(
  {
    type: Type.Union([
      Type.Literal('user'),
      Type.Literal('owner'),
      Type.Literal('team_round_robin'),
      Type.Literal('least_busy'),
      Type.Literal('trigger_assignee'),
    ]),
    userId: Type.Optional(Type.String()),
    teamId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export const DueSchema = Type.Object(
  {
    type: Type.Union([Type.Literal('relative'), Type.Literal('field'), Type.Literal('sla')]),
    minutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 525_600 })),
    businessHours: Type.Optional(Type.Boolean()),
    field: Type.Optional(FieldPath),
  },
  { additionalProperties: false },
);
export const RecipientSchema = Type.Object(
  {
    type: Type.Union([Type.Literal('user'), Type.Literal('owner'), Type.Literal('head'), Type.Literal('assignee')]),
    userId: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type Recipient = Static<typeof RecipientSchema>;

const Text = (max = 2000) =>
  Type.String({ maxLength: max, description: 'May use {{deal.title}}, {{contact.name}}, {{deal.customFields.x}} …' });

export const StepSchema = Type.Object(
  {
    type: oneOf([
      'create_task',
      'update_field',
      'move_stage',
      'notify',
      'send_email',
      'generate_document',
      'wait',
      'wait_until',
      'if',
      'report',
      'webhook',
    ] as const),
    title: Type.Optional(Text(300)),
    body: Type.Optional(Text(10_000)),
    taskType: Type.Optional(Type.String({ maxLength: 40 })),
    assignee: Type.Optional(AssigneeSchema),
    due: Type.Optional(DueSchema),
    field: Type.Optional(FieldPath),
    value: Type.Optional(Type.Unknown()),
    stageId: Type.Optional(Type.String()),
    stageKey: Type.Optional(Type.String()),
    to: Type.Optional(Type.Union([RecipientSchema, Type.String({ maxLength: 254 })])),
    email: Type.Optional(Type.Boolean()),
    subject: Type.Optional(Text(300)),
    kind: Type.Optional(Type.String({ maxLength: 40 })),
    templateId: Type.Optional(Type.String()),
    minutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 525_600 })),
    offsetMinutes: Type.Optional(Type.Integer()),
    conditions: Type.Optional(ConditionGroupSchema),
    onlyIf: Type.Optional(
      conditionGroup(
        'Any step but if: run this step only when these conditions hold at that moment, else skip it (logged as skipped) ' +
          'and go on. Checked in the same transaction that performs the step, so two runs cannot both pass a guard such as ' +
          '{"all":[{"field":"deal.openTaskTypes","op":"not_contains","value":"measurement"}]} and both create the task.',
      ),
    ),
    url: Type.Optional(
      Type.String({
        maxLength: 2000,
        pattern: '^https?://',
        description:
          'webhook: the http(s) URL that receives a POST of JSON {event, workflow, run, record, deal, contact, company, task, trigger}, ' +
          'signed in the header X-Kontor-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the workflow\'s webhook secret>. ' +
          'Private, loopback and link-local addresses are refused; redirects are not followed; failures are retried with backoff.',
      }),
    ),
    timeoutSeconds: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 30, description: 'webhook: seconds to wait for the answer (default 10)' }),
    ),
    // biome-ignore lint/suspicious/noThenProperty: an if step's branch is data (an array of steps), never a thenable
    then: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 50 })),
    else: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type StepType =
  | 'create_task'
  | 'update_field'
  | 'move_stage'
  | 'notify'
  | 'send_email'
  | 'generate_document'
  | 'wait'
  | 'wait_until'
  | 'if'
  | 'report'
  | 'webhook';
export type Step = Omit<Static<typeof StepSchema>, 'type' | 'then' | 'else' | 'conditions' | 'onlyIf'> & {
  type: StepType;
  then?: Step[];
  else?: Step[];
  conditions?: ConditionGroup;
  onlyIf?: ConditionGroup;
};

export const DefinitionSchema = Type.Object(
  {
    trigger: TriggerSchema,
    conditions: Type.Optional(ConditionGroupSchema),
    steps: Type.Array(StepSchema, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type Definition = { trigger: Trigger; conditions?: ConditionGroup; steps: Step[] };

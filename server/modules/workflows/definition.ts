import { type Static, type TLiteral, type TUnion, Type } from 'typebox';

const oneOf = <T extends string>(values: readonly T[], options: Record<string, unknown> = {}): TUnion<TLiteral<T>[]> =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  ) as TUnion<TLiteral<T>[]>;

// The shape of a workflow: trigger → conditions → steps. Stored as JSON, validated with these schemas.

const FieldPath = Type.String({
  pattern: '^[a-zA-Z][a-zA-Z0-9_.]{0,100}$',
  description: 'e.g. deal.amountCents, deal.customFields.visitAt, task.type, contact.source',
});

export const ConditionSchema = Type.Object(
  {
    field: FieldPath,
    op: oneOf(['eq', 'neq', 'empty', 'not_empty', 'gt', 'gte', 'lt', 'lte', 'contains', 'in'] as const),
    value: Type.Optional(Type.Unknown()),
  },
  { additionalProperties: false },
);
export type Condition = Omit<Static<typeof ConditionSchema>, 'op'> & {
  op: 'eq' | 'neq' | 'empty' | 'not_empty' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'in';
};

export const ConditionGroupSchema = Type.Object(
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
  { additionalProperties: false, description: 'AND (all) / OR (any) groups, one level of nesting' },
);
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

export const TriggerSchema = Type.Object(
  {
    type: oneOf(TRIGGER_TYPES),
    entity: Type.Optional(
      Type.Union([Type.Literal('contact'), Type.Literal('company'), Type.Literal('deal'), Type.Literal('task')]),
    ),
    pipelineId: Type.Optional(Type.String()),
    toStageId: Type.Optional(Type.String()),
    taskType: Type.Optional(Type.String()),
    formKey: Type.Optional(Type.String()),
    cron: Type.Optional(
      Type.String({ maxLength: 100, description: 'schedule: a cron expression (minute hour day month weekday)' }),
    ),
    dateField: Type.Optional(FieldPath),
    offsetMinutes: Type.Optional(
      Type.Integer({ description: 'date: minutes relative to the field, e.g. -4320 = 3 days before' }),
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
  | 'report';
export type Step = Omit<Static<typeof StepSchema>, 'type' | 'then' | 'else' | 'conditions'> & {
  type: StepType;
  then?: Step[];
  else?: Step[];
  conditions?: ConditionGroup;
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

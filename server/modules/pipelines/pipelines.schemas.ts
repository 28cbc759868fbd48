import { type Static, Type } from 'typebox';
import { Id, Stamps } from '../../http/schemas.ts';

export const StageKindSchema = Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost')]);

export const StageSchema = Type.Object({
  id: Id,
  key: Type.Union([Type.String(), Type.Null()], {
    description: 'Built-in stages carry a key (new, offer, won …) the UI translates',
  }),
  name: Type.String(),
  position: Type.Integer(),
  probability: Type.Integer({ minimum: 0, maximum: 100 }),
  kind: StageKindSchema,
  timeLimitDays: Type.Union([Type.Integer(), Type.Null()], { description: 'A deal longer in this stage is "rotting"' }),
  requiredFields: Type.Array(Type.String(), {
    description: 'Deal fields a deal needs before it may enter, e.g. amountCents, customFields.visitAt',
  }),
});
export type Stage = Static<typeof StageSchema>;

export const PipelineSchema = Type.Object(
  {
    ...Stamps,
    name: Type.String(),
    isDefault: Type.Boolean(),
    position: Type.Integer(),
    templateKey: Type.Union([Type.String(), Type.Null()]),
    stages: Type.Array(StageSchema),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0pl',
        name: 'Vertrieb',
        isDefault: true,
        position: 0,
        templateKey: null,
        stages: [
          {
            id: '01jdq3m6e2x7k9v4b8c1n5t0s1',
            key: 'new',
            name: 'Neu',
            position: 0,
            probability: 10,
            kind: 'open',
            timeLimitDays: 3,
            requiredFields: [],
          },
          {
            id: '01jdq3m6e2x7k9v4b8c1n5t0s5',
            key: 'won',
            name: 'Gewonnen',
            position: 4,
            probability: 100,
            kind: 'won',
            timeLimitDays: null,
            requiredFields: ['amountCents'],
          },
        ],
        createdAt: '2026-11-28T09:15:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 1,
      },
    ],
  },
);
export type Pipeline = Static<typeof PipelineSchema>;

const StageInput = Type.Object(
  {
    id: Type.Optional(Id),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    probability: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    kind: Type.Optional(StageKindSchema),
    position: Type.Optional(Type.Integer({ minimum: 0 })),
    timeLimitDays: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 3650 }), Type.Null()])),
    requiredFields: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 30, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type StageInput = Static<typeof StageInput>;

export const CreatePipelineSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    isDefault: Type.Optional(Type.Boolean()),
    stages: Type.Optional(Type.Array(StageInput, { minItems: 1, maxItems: 50 })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        name: 'Service',
        stages: [
          { name: 'Anfrage' },
          { name: 'Termin', probability: 50 },
          { name: 'Erledigt', kind: 'won' },
          { name: 'Abgesagt', kind: 'lost' },
        ],
      },
    ],
  },
);
export type CreatePipeline = Static<typeof CreatePipelineSchema>;

export const UpdatePipelineSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    isDefault: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0 })),
    stages: Type.Optional(
      Type.Array(StageInput, {
        minItems: 1,
        maxItems: 50,
        description:
          'The complete stage list in order: with id = keep and change, without = add, missing = delete (only if it holds no deals)',
      }),
    ),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    examples: [
      {
        stages: [
          { id: '01jdq3m6e2x7k9v4b8c1n5t0s1', name: 'Neu', timeLimitDays: 2 },
          { name: 'Aufmaß', probability: 30, timeLimitDays: 14, requiredFields: ['customFields.visitAt'] },
          { id: '01jdq3m6e2x7k9v4b8c1n5t0s5', name: 'Gewonnen' },
        ],
      },
    ],
  },
);
export type UpdatePipeline = Static<typeof UpdatePipelineSchema>;

export const StageParams = Type.Object({ id: Id, stageId: Id }, { additionalProperties: false });
export const MoveToQuery = Type.Object(
  { moveTo: Type.Optional(Type.String({ description: 'Stage id that receives the deals first' })) },
  { additionalProperties: false },
);

export const BoardQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
    ownerId: Type.Optional(Type.String()),
    mine: Type.Optional(Type.Boolean()),
    tag: Type.Optional(Type.String()),
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('won'), Type.Literal('lost')])),
  },
  { additionalProperties: false },
);

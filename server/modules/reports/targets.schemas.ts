import { type Static, Type } from 'typebox';
import { Id } from '../../http/schemas.ts';

// Sales targets per user and month: what revenue reports compare won revenue with.

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM', examples: ['2026-11'] });

export const TargetSchema = Type.Object(
  { userId: Id, userName: Type.String(), month: Month, amountCents: Type.Integer({ minimum: 0 }) },
  { examples: [{ userId: '01jdq3m6e2x7k9v4b8c1n5t0us', userName: 'Anna Schmidt', month: '2026-11', amountCents: 2000000 }] },
);
export type Target = Static<typeof TargetSchema>;

export const TargetsSchema = Type.Object(
  { data: Type.Array(TargetSchema) },
  {
    examples: [
      {
        data: [
          { userId: '01jdq3m6e2x7k9v4b8c1n5t0us', userName: 'Anna Schmidt', month: '2026-11', amountCents: 2000000 },
          { userId: '01jdq3m6e2x7k9v4b8c1n5t0us', userName: 'Anna Schmidt', month: '2026-12', amountCents: 2500000 },
        ],
      },
    ],
  },
);

export const TargetsQuery = Type.Object(
  {
    from: Type.Optional(
      Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'First month YYYY-MM (default: January of this year)' }),
    ),
    to: Type.Optional(
      Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'Last month YYYY-MM (default: December of this year)' }),
    ),
    teamId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    userId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const PutTargetsSchema = Type.Object(
  {
    targets: Type.Array(
      Type.Object(
        {
          userId: Id,
          month: Month,
          // one JSON type list, not anyOf: with type coercion on, anyOf would turn null into 0
          amountCents: Type.Unsafe<number | null>({
            type: ['integer', 'null'],
            minimum: 0,
            maximum: 1e13,
            description: 'Net target in cents; null removes the target',
          }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 1000 },
    ),
  },
  {
    additionalProperties: false,
    examples: [{ targets: [{ userId: '01jdq3m6e2x7k9v4b8c1n5t0us', month: '2026-12', amountCents: 2500000 }] }],
  },
);
export type PutTargets = Static<typeof PutTargetsSchema>;

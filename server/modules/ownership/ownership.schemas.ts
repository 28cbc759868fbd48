import { type Static, Type } from 'typebox';
import { Id } from '../../http/schemas.ts';

export const TransferSchema = Type.Object(
  {
    entity: Type.Union([Type.Literal('contact'), Type.Literal('company'), Type.Literal('deal')]),
    ids: Type.Array(Id, { minItems: 1, maxItems: 1000, uniqueItems: true }),
    ownerId: Id,
  },
  {
    additionalProperties: false,
    examples: [{ entity: 'contact', ids: ['01jdq3m6e2x7k9v4b8c1n5t0ct'], ownerId: '01jdq3m6e2x7k9v4b8c1n5t0aw' }],
  },
);
export type Transfer = Static<typeof TransferSchema>;

export const TransferResultSchema = Type.Object({ updated: Type.Integer() }, { examples: [{ updated: 1 }] });

export const HandoverSchema = Type.Object(
  { toUserId: Id },
  { additionalProperties: false, examples: [{ toUserId: '01jdq3m6e2x7k9v4b8c1n5t0aw' }] },
);

export const HandoverResultSchema = Type.Object(
  { contacts: Type.Integer(), companies: Type.Integer(), deals: Type.Integer(), tasks: Type.Integer() },
  { examples: [{ contacts: 112, companies: 40, deals: 17, tasks: 9 }] },
);
export type HandoverResult = Static<typeof HandoverResultSchema>;

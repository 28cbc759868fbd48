import { type Static, Type } from 'typebox';
import { Id, Stamps } from '../../http/schemas.ts';

export const TeamSchema = Type.Object(
  {
    ...Stamps,
    name: Type.String(),
    headId: Type.Union([Id, Type.Null()], { description: 'The head of department: escalations and reports go to them' }),
    memberCount: Type.Integer({ minimum: 0 }),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0tm',
        name: 'Vertrieb',
        headId: '01jdq3m6e2x7k9v4b8c1n5t0hd',
        memberCount: 4,
        createdAt: '2026-11-28T09:15:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 1,
      },
    ],
  },
);
export type Team = Static<typeof TeamSchema>;

const TeamName = Type.String({ minLength: 1, maxLength: 120 });

export const CreateTeamSchema = Type.Object(
  { name: TeamName, headId: Type.Optional(Type.Union([Id, Type.Null()])) },
  { additionalProperties: false, examples: [{ name: 'Vertrieb', headId: null }] },
);
export type CreateTeam = Static<typeof CreateTeamSchema>;

export const UpdateTeamSchema = Type.Object(
  { name: Type.Optional(TeamName), headId: Type.Optional(Type.Union([Id, Type.Null()])) },
  { additionalProperties: false, minProperties: 1, examples: [{ headId: '01jdq3m6e2x7k9v4b8c1n5t0hd' }] },
);
export type UpdateTeam = Static<typeof UpdateTeamSchema>;

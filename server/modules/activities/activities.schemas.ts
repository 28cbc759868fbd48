import { type Static, Type } from 'typebox';
import { Id, ListQueryBase, Stamps, Timestamp } from '../../http/schemas.ts';

export const ActivityTypeSchema = Type.Union([
  Type.Literal('note'),
  Type.Literal('call'),
  Type.Literal('email'),
  Type.Literal('meeting'),
]);
const Direction = Type.Union([Type.Literal('inbound'), Type.Literal('outbound'), Type.Null()]);
const Ref = Type.Union([Id, Type.Null()]);

export const ActivitySchema = Type.Object(
  {
    ...Stamps,
    type: ActivityTypeSchema,
    contactId: Ref,
    companyId: Ref,
    dealId: Ref,
    userId: Ref,
    body: Type.String(),
    occurredAt: Timestamp,
    direction: Direction,
    durationSec: Type.Union([Type.Integer(), Type.Null()]),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0ac',
        type: 'call',
        contactId: '01jdq3m6e2x7k9v4b8c1n5t0ct',
        companyId: null,
        dealId: null,
        userId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
        body: 'Rückruf wegen Aufmaßtermin, Dienstag 10 Uhr passt.',
        occurredAt: '2026-11-28T09:40:00.000Z',
        direction: 'outbound',
        durationSec: 180,
        createdAt: '2026-11-28T09:41:00.000Z',
        updatedAt: '2026-11-28T09:41:00.000Z',
        version: 1,
      },
    ],
  },
);
export type Activity = Static<typeof ActivitySchema>;

export const CreateActivitySchema = Type.Object(
  {
    type: ActivityTypeSchema,
    contactId: Type.Optional(Ref),
    companyId: Type.Optional(Ref),
    dealId: Type.Optional(Ref),
    body: Type.Optional(Type.String({ maxLength: 20_000 })),
    occurredAt: Type.Optional(Type.String({ format: 'date-time' })),
    direction: Type.Optional(Direction),
    durationSec: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 86_400 }), Type.Null()])),
  },
  {
    additionalProperties: false,
    description: 'At least one of contactId, companyId, dealId',
    examples: [{ type: 'note', contactId: '01jdq3m6e2x7k9v4b8c1n5t0ct', body: 'Kunde wünscht Kunststofffenster, weiß.' }],
  },
);
export type CreateActivity = Static<typeof CreateActivitySchema>;

export const UpdateActivitySchema = Type.Object(
  {
    body: Type.Optional(Type.String({ maxLength: 20_000 })),
    occurredAt: Type.Optional(Type.String({ format: 'date-time' })),
    direction: Type.Optional(Direction),
    durationSec: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 86_400 }), Type.Null()])),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    examples: [{ body: 'Rückruf wegen Aufmaßtermin: Dienstag 10 Uhr passt, Zufahrt über den Hof.', durationSec: 240 }],
  },
);
export type UpdateActivity = Static<typeof UpdateActivitySchema>;

export const ActivityListQuery = Type.Object(
  {
    ...ListQueryBase,
    contactId: Type.Optional(Id),
    companyId: Type.Optional(Id),
    dealId: Type.Optional(Id),
    userId: Type.Optional(Id),
    type: Type.Optional(ActivityTypeSchema),
  },
  { additionalProperties: false },
);

import { type Static, Type } from 'typebox';
import { Id, Timestamp } from '../../http/schemas.ts';
import { ActivitySchema } from '../activities/activities.schemas.ts';

export const FieldChangeSchema = Type.Object({ field: Type.String(), from: Type.Unknown(), to: Type.Unknown() });

export const TimelineItemSchema = Type.Object(
  {
    kind: Type.String({ description: 'activity | change | deal | task | document' }),
    id: Id,
    at: Timestamp,
    userId: Type.Union([Id, Type.Null()]),
    userName: Type.Union([Type.String(), Type.Null()]),
    title: Type.String({ description: 'A short line for display' }),
    activity: Type.Optional(ActivitySchema),
    action: Type.Optional(Type.String({ description: 'For changes: created, updated, owner_changed, merged …' })),
    changes: Type.Optional(Type.Array(FieldChangeSchema)),
    refId: Type.Optional(Type.String({ description: 'The deal, task or document this item is about' })),
  },
  {
    examples: [
      {
        kind: 'change',
        id: '01jdq3m6e2x7k9v4b8c1n5t0ch',
        at: '2026-11-28T09:15:00.000Z',
        userId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
        userName: 'Anna Schmidt',
        title: 'updated',
        action: 'updated',
        changes: [{ field: 'phone', from: null, to: '+49 30 1234567' }],
      },
    ],
  },
);
export type TimelineItem = Static<typeof TimelineItemSchema>;

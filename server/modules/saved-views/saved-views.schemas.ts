import { type Static, Type } from 'typebox';
import { Stamps } from '../../http/schemas.ts';

const Entity = Type.Union([Type.Literal('contact'), Type.Literal('company'), Type.Literal('deal'), Type.Literal('task')]);
const Query = Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 500 }), {
  description: 'The list query parameters of the view (filters, sort, q)',
  maxProperties: 40,
});

export const SavedViewSchema = Type.Object(
  { ...Stamps, entity: Entity, name: Type.String(), query: Type.Record(Type.String(), Type.String()) },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0sv',
        entity: 'contact',
        name: 'Meine VIPs in Berlin',
        query: { tag: 'VIP', city: 'Berlin', sort: '-lastActivityAt' },
        createdAt: '2026-11-28T09:15:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 1,
      },
    ],
  },
);
export type SavedView = Static<typeof SavedViewSchema>;

export const CreateSavedViewSchema = Type.Object(
  { entity: Entity, name: Type.String({ minLength: 1, maxLength: 100 }), query: Query },
  { additionalProperties: false, examples: [{ entity: 'contact', name: 'Meine VIPs', query: { tag: 'VIP' } }] },
);
export type CreateSavedView = Static<typeof CreateSavedViewSchema>;

export const UpdateSavedViewSchema = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), query: Type.Optional(Query) },
  { additionalProperties: false, minProperties: 1, examples: [{ name: 'VIPs in Köln', query: { tag: 'VIP', city: 'Köln' } }] },
);
export type UpdateSavedView = Static<typeof UpdateSavedViewSchema>;

import { type Static, Type } from 'typebox';

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
    type: Type.Optional(Type.Union([Type.Literal('contact'), Type.Literal('company'), Type.Literal('deal')])),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchHitSchema = Type.Object({
  type: Type.Union([Type.Literal('contact'), Type.Literal('company'), Type.Literal('deal')]),
  id: Type.String(),
  title: Type.String(),
  subtitle: Type.Union([Type.String(), Type.Null()]),
});
export type SearchHit = Static<typeof SearchHitSchema>;

export const SearchResultSchema = Type.Object(
  { data: Type.Array(SearchHitSchema) },
  {
    examples: [
      { data: [{ type: 'contact', id: '01jdq3m6e2x7k9v4b8c1n5t0ct', title: 'Anna Schmidt', subtitle: 'Bäckerei Schulze GmbH' }] },
    ],
  },
);

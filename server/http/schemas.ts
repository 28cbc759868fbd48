import { type Static, type TSchema, Type } from 'typebox';

export const Id = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'Opaque id',
  examples: ['01jdq3m6e2x7k9v4b8c1n5t0aw'],
});
export const Timestamp = Type.String({ format: 'date-time', examples: ['2026-11-28T09:15:00.000Z'] });
export const Email = Type.String({ format: 'email', maxLength: 254, examples: ['anna.schmidt@example.de'] });

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const Stamps = {
  id: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: Type.Integer({ minimum: 1, description: 'Increases by one on every change; send it back as If-Match' }),
};

export const FieldErrorSchema = Type.Object({ path: Type.String(), message: Type.String() });

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    errors: Type.Array(FieldErrorSchema),
  },
  {
    $id: 'Problem',
    description: 'RFC 9457 problem details (application/problem+json)',
    examples: [
      {
        type: 'urn:kontor:problem:validation_failed',
        title: 'Invalid request',
        status: 400,
        detail: 'email: must match format "email"',
        code: 'validation_failed',
        errors: [{ path: 'email', message: 'must match format "email"' }],
      },
    ],
  },
);

/** Error responses every authenticated route may give, described once for OpenAPI. */
export const problemResponses = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
  412: Type.Ref('Problem'),
  429: Type.Ref('Problem'),
};

export const ListQueryBase = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  sort: Type.Optional(Type.String({ maxLength: 100, description: 'field or -field for descending' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'text search' })),
};

export function ListOf<T extends TSchema>(item: T) {
  // The item's first example makes a one-page list: OpenAPI shows it for the whole answer.
  const example = (item as { examples?: unknown[] }).examples?.[0];
  return Type.Object(
    {
      data: Type.Array(item),
      nextCursor: Type.Union([Type.String(), Type.Null()], {
        description: 'Pass as cursor for the next page; null on the last page',
      }),
    },
    example === undefined ? {} : { examples: [{ data: [example], nextCursor: null }] },
  );
}

export const NoContent = Type.Null({ description: 'No content' });

const NullableText = (max: number) => Type.Union([Type.String({ maxLength: max }), Type.Null()]);

/** A postal address; country is an ISO 3166 alpha-2 code such as DE. */
export const AddressSchema = Type.Object(
  { street: NullableText(200), zip: NullableText(20), city: NullableText(120), country: NullableText(2) },
  { additionalProperties: false, examples: [{ street: 'Hauptstraße 12', zip: '80331', city: 'München', country: 'DE' }] },
);
export const AddressInputSchema = Type.Partial(AddressSchema, { additionalProperties: false });

export const TagsSchema = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
  maxItems: 50,
  examples: [['VIP', 'Stammkunde']],
});

export const OptionalText = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));

/** A likely duplicate of a record, with why it is one. */
export const DuplicateSchema = Type.Object(
  {
    id: Id,
    title: Type.String(),
    subtitle: Type.Union([Type.String(), Type.Null()]),
    reasons: Type.Array(Type.Union([Type.Literal('email'), Type.Literal('phone'), Type.Literal('name')])),
  },
  { examples: [{ id: '01jdq3m6e2x7k9v4b8c1n5t0zz', title: 'Anna Schmidt', subtitle: 'anna@example.de', reasons: ['email'] }] },
);
export type Duplicate = Static<typeof DuplicateSchema>;

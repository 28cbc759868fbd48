import { type Static, Type } from 'typebox';
import { Id, Stamps } from '../../http/schemas.ts';

export const CustomFieldEntitySchema = Type.Union([Type.Literal('contact'), Type.Literal('company'), Type.Literal('deal')]);
export const CustomFieldTypeSchema = Type.Union(
  [
    Type.Literal('text'),
    Type.Literal('number'),
    Type.Literal('money'),
    Type.Literal('date'),
    Type.Literal('datetime'),
    Type.Literal('boolean'),
    Type.Literal('select'),
    Type.Literal('multiselect'),
  ],
  { description: 'money is an integer in cents; date is YYYY-MM-DD; datetime is ISO 8601' },
);

const Key = Type.String({
  pattern: '^[a-zA-Z][a-zA-Z0-9_]{0,39}$',
  description: 'Letters, digits and _; starts with a letter; used as customFields.<key>',
});
const Options = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200, uniqueItems: true });

export const CustomFieldSchema = Type.Object(
  {
    ...Stamps,
    entity: CustomFieldEntitySchema,
    key: Type.String(),
    label: Type.String(),
    type: CustomFieldTypeSchema,
    options: Type.Array(Type.String()),
    required: Type.Boolean(),
    position: Type.Integer(),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0cf',
        entity: 'contact',
        key: 'visitsPerYear',
        label: 'Besuche pro Jahr',
        type: 'number',
        options: [],
        required: false,
        position: 0,
        createdAt: '2026-11-28T09:15:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 1,
      },
    ],
  },
);
export type CustomField = Static<typeof CustomFieldSchema>;

export const CreateCustomFieldSchema = Type.Object(
  {
    entity: CustomFieldEntitySchema,
    key: Key,
    label: Type.String({ minLength: 1, maxLength: 100 }),
    type: CustomFieldTypeSchema,
    options: Type.Optional(Options),
    required: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  },
  {
    additionalProperties: false,
    examples: [
      { entity: 'company', key: 'branche', label: 'Branche', type: 'select', options: ['Handel', 'Handwerk', 'Dienstleistung'] },
    ],
  },
);
export type CreateCustomField = Static<typeof CreateCustomFieldSchema>;

export const UpdateCustomFieldSchema = Type.Object(
  {
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    options: Type.Optional(Options),
    required: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 10000 })),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    examples: [{ label: 'Branche', options: ['Handel', 'Handwerk', 'Dienstleistung', 'Gastronomie'], required: true }],
  },
);
export type UpdateCustomField = Static<typeof UpdateCustomFieldSchema>;

export const CustomFieldIdParams = Type.Object({ id: Id }, { additionalProperties: false });

/** Custom field values on a record: keys are definition keys. */
export const CustomFieldValuesSchema = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Values of the custom fields defined for this entity, by key',
  examples: [{ visitsPerYear: 4, lieblingsfarbe: 'Blau' }],
});

import { type Static, Type } from 'typebox';
import { recordListQuery } from '../../http/record-query.ts';
import {
  AddressInputSchema,
  AddressSchema,
  DuplicateSchema,
  Email,
  Id,
  OptionalText,
  Stamps,
  TagsSchema,
  Timestamp,
} from '../../http/schemas.ts';
import { CustomFieldValuesSchema } from '../custom-fields/custom-fields.schemas.ts';
import { CONTACT_LIST } from './contacts.repository.ts';

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const ContactSchema = Type.Object(
  {
    ...Stamps,
    firstName: Type.String(),
    lastName: Type.String(),
    name: Type.String({ description: 'First and last name, for display' }),
    email: NullableString,
    phone: NullableString,
    companyId: Type.Union([Id, Type.Null()]),
    companyName: Type.Union([Type.String(), Type.Null()], { description: 'Read only: the linked company’s name' }),
    ownerId: Type.Union([Id, Type.Null()]),
    source: NullableString,
    address: AddressSchema,
    tags: Type.Array(Type.String()),
    customFields: CustomFieldValuesSchema,
    externalId: NullableString,
    lastActivityAt: Type.Union([Timestamp, Type.Null()], { description: 'When the last call, e-mail, meeting or note happened' }),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0ct',
        firstName: 'Anna',
        lastName: 'Schmidt',
        name: 'Anna Schmidt',
        email: 'anna.schmidt@example.de',
        phone: '+49 171 2345678',
        companyId: '01jdq3m6e2x7k9v4b8c1n5t0co',
        companyName: 'Bäckerei Schulze GmbH',
        ownerId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
        source: 'website',
        address: { street: 'Lindenallee 5', zip: '50667', city: 'Köln', country: 'DE' },
        tags: ['VIP'],
        customFields: { visitsPerYear: 4 },
        externalId: null,
        lastActivityAt: '2026-11-27T14:05:00.000Z',
        createdAt: '2026-11-28T09:15:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 1,
      },
    ],
  },
);
export type Contact = Static<typeof ContactSchema>;

const Name = Type.String({ maxLength: 100 });

const writable = {
  firstName: Type.Optional(Name),
  lastName: Type.Optional(Name),
  email: Type.Optional(Type.Union([Email, Type.Null(), Type.Literal('')])),
  phone: OptionalText(50),
  companyId: Type.Optional(Type.Union([Id, Type.Null()])),
  ownerId: Type.Optional(Id),
  source: OptionalText(100),
  address: Type.Optional(AddressInputSchema),
  tags: Type.Optional(TagsSchema),
  customFields: Type.Optional(CustomFieldValuesSchema),
  externalId: OptionalText(100),
};

export const CreateContactSchema = Type.Object(writable, {
  additionalProperties: false,
  description: 'firstName or lastName is required',
  examples: [
    { firstName: 'Anna', lastName: 'Schmidt', email: 'anna.schmidt@example.de', phone: '0171 2345678', source: 'phone' },
  ],
});
export type CreateContact = Static<typeof CreateContactSchema>;

export const UpdateContactSchema = Type.Object(writable, {
  additionalProperties: false,
  minProperties: 1,
  examples: [{ phone: '+49 171 2345678', tags: ['VIP'] }],
});
export type UpdateContact = Static<typeof UpdateContactSchema>;

export const CreatedContactSchema = Type.Object(
  {
    ...ContactSchema.properties,
    possibleDuplicates: Type.Array(DuplicateSchema, { description: 'Likely duplicates found on create' }),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0ct',
        firstName: 'Anna',
        lastName: 'Schmidt',
        name: 'Anna Schmidt',
        email: 'anna.schmidt@example.de',
        phone: '0171 2345678',
        companyId: null,
        companyName: null,
        ownerId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
        source: 'phone',
        address: { street: null, zip: null, city: null, country: null },
        tags: [],
        customFields: {},
        externalId: null,
        lastActivityAt: null,
        createdAt: '2026-11-28T09:15:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 1,
        possibleDuplicates: [
          { id: '01jdq3m6e2x7k9v4b8c1n5t0zz', title: 'Anna Schmidt', subtitle: 'anna.schmidt@example.de', reasons: ['email'] },
        ],
      },
    ],
  },
);

/** Paging, sort, q and the equality filters of CONTACT_LIST (see server/http/list.ts). */
export const ContactListQuery = recordListQuery(CONTACT_LIST);
export type ContactListQuery = Static<typeof ContactListQuery>;

export const MergeSchema = Type.Object(
  { otherId: Id },
  { additionalProperties: false, examples: [{ otherId: '01jdq3m6e2x7k9v4b8c1n5t0zz' }] },
);

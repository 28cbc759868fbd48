import { type Static, Type } from 'typebox';
import { recordListQuery } from '../../http/record-query.ts';
import { AddressInputSchema, AddressSchema, Email, Id, OptionalText, Stamps, TagsSchema, Timestamp } from '../../http/schemas.ts';
import { CustomFieldValuesSchema } from '../custom-fields/custom-fields.schemas.ts';
import { COMPANY_LIST } from './companies.repository.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const CompanySchema = Type.Object(
  {
    ...Stamps,
    name: Type.String(),
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    website: Nullable(Type.String()),
    address: AddressSchema,
    ownerId: Type.Union([Id, Type.Null()]),
    tags: Type.Array(Type.String()),
    customFields: CustomFieldValuesSchema,
    externalId: Nullable(Type.String()),
    lastActivityAt: Type.Union([Timestamp, Type.Null()]),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0co',
        name: 'Bäckerei Schulze GmbH',
        email: 'info@baeckerei-schulze.de',
        phone: '+49 30 1234567',
        website: 'https://baeckerei-schulze.de',
        address: { street: 'Brotweg 3', zip: '10115', city: 'Berlin', country: 'DE' },
        ownerId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
        tags: ['Stammkunde'],
        customFields: { branche: 'Handel' },
        externalId: null,
        lastActivityAt: null,
        createdAt: '2026-11-28T09:15:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 1,
      },
    ],
  },
);
export type Company = Static<typeof CompanySchema>;

const writable = {
  email: Type.Optional(Type.Union([Email, Type.Null(), Type.Literal('')])),
  phone: OptionalText(50),
  website: Type.Optional(
    Type.Union([
      Type.String({
        maxLength: 300,
        // an http(s) address or one without a scheme (www.example.de); never javascript:, data: or the like
        pattern: String.raw`^\s*(https?://\S*|(?![A-Za-z][A-Za-z0-9+.-]*:)\S*|[\w-]+(\.[\w-]+)+:\d+(/\S*)?)?\s*$`,
        description: 'http(s) URL or a host name such as www.example.de',
      }),
      Type.Null(),
    ]),
  ),
  address: Type.Optional(AddressInputSchema),
  ownerId: Type.Optional(Id),
  tags: Type.Optional(TagsSchema),
  customFields: Type.Optional(CustomFieldValuesSchema),
  externalId: OptionalText(100),
};

export const CreateCompanySchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), ...writable },
  {
    additionalProperties: false,
    examples: [
      { name: 'Bäckerei Schulze GmbH', phone: '030 1234567', address: { city: 'Berlin', country: 'DE' }, tags: ['Neukunde'] },
    ],
  },
);
export type CreateCompany = Static<typeof CreateCompanySchema>;

export const UpdateCompanySchema = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), ...writable },
  { additionalProperties: false, minProperties: 1, examples: [{ phone: '+49 30 7654321' }] },
);
export type UpdateCompany = Static<typeof UpdateCompanySchema>;

/** Paging, sort, q and the equality filters of COMPANY_LIST (see server/http/list.ts). */
export const CompanyListQuery = recordListQuery(COMPANY_LIST);
export type CompanyListQuery = Static<typeof CompanyListQuery>;

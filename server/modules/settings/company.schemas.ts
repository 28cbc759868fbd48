import { type Static, Type } from 'typebox';
import { Timestamp } from '../../http/schemas.ts';

const Text = (max: number) => Type.String({ maxLength: max });

export const OwnAddressSchema = Type.Object(
  { street: Text(200), zip: Text(20), city: Text(120), country: Text(2) },
  { additionalProperties: false, description: 'country is an ISO 3166 alpha-2 code, e.g. DE' },
);

const CompanyFields = {
  legalName: Text(200),
  address: OwnAddressSchema,
  vatId: Text(40),
  taxNumber: Text(40),
  iban: Text(42),
  bic: Text(11),
  bankName: Text(120),
  footer: Text(2000),
  paymentTerms: Text(500),
};

export const CompanySettingsSchema = Type.Object(
  { ...CompanyFields, updatedAt: Timestamp, version: Type.Integer({ minimum: 1 }) },
  {
    examples: [
      {
        legalName: 'Fensterbau Müller GmbH',
        address: { street: 'Hauptstraße 12', zip: '80331', city: 'München', country: 'DE' },
        vatId: 'DE123456789',
        taxNumber: '143/123/45678',
        iban: 'DE02120300000000202051',
        bic: 'BYLADEM1001',
        bankName: 'Deutsche Kreditbank',
        footer: 'Geschäftsführer: Max Müller · Amtsgericht München HRB 12345',
        paymentTerms: 'Zahlbar innerhalb von 14 Tagen ohne Abzug.',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 2,
      },
    ],
  },
);
export type CompanySettings = Static<typeof CompanySettingsSchema>;

export const UpdateCompanySettingsSchema = Type.Partial(Type.Object(CompanyFields), {
  additionalProperties: false,
  minProperties: 1,
  examples: [{ legalName: 'Fensterbau Müller GmbH', vatId: 'DE123456789' }],
});
export type UpdateCompanySettings = Static<typeof UpdateCompanySettingsSchema>;

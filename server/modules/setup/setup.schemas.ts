import { type Static, Type } from 'typebox';
import { Email } from '../../http/schemas.ts';
import { LocaleSchema, NameSchema, PasswordSchema } from '../users/users.schemas.ts';

export const SetupStateSchema = Type.Object({ needed: Type.Boolean() }, { examples: [{ needed: true }] });

export const SetupSchema = Type.Object(
  {
    companyName: Type.String({ minLength: 1, maxLength: 200 }),
    name: NameSchema,
    email: Email,
    password: PasswordSchema,
    locale: Type.Optional(LocaleSchema),
    demoData: Type.Optional(Type.Boolean({ description: 'Fill the new instance with a German sample company' })),
  },
  {
    additionalProperties: false,
    examples: [
      { companyName: 'Fensterbau Müller GmbH', name: 'Max Müller', email: 'max@fensterbau-mueller.de', password: 'geheim-2026' },
    ],
  },
);
export type Setup = Static<typeof SetupSchema>;

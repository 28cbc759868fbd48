import { type Static, Type } from 'typebox';
import { Email } from '../../http/schemas.ts';
import { LocaleSchema, NameSchema, PasswordSchema, UserSchema } from '../users/users.schemas.ts';

export const LoginSchema = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false, examples: [{ email: 'admin@example.de', password: 'geheim-2026' }] },
);
export type Login = Static<typeof LoginSchema>;

export const SessionSchema = Type.Object(
  {
    token: Type.String({ description: 'Bearer token; the same session is also set as an httpOnly cookie' }),
    expiresAt: Type.String({ format: 'date-time' }),
    user: UserSchema,
  },
  {
    examples: [
      {
        token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMWpkcTNtNmUyeDdrOXY0YjhjMW41dDBhZCIsImlzcyI6ImtvbnRvciJ9.…',
        expiresAt: '2026-11-28T21:15:00.000Z',
        user: {
          id: '01jdq3m6e2x7k9v4b8c1n5t0ad',
          name: 'Max Müller',
          email: 'admin@example.de',
          role: 'admin',
          teamId: null,
          active: true,
          locale: 'de',
          lastLoginAt: '2026-11-28T09:15:00.000Z',
          createdAt: '2026-11-02T08:00:00.000Z',
          updatedAt: '2026-11-28T09:15:00.000Z',
          version: 3,
        },
      },
    ],
  },
);

export const UpdateProfileSchema = Type.Object(
  { name: Type.Optional(NameSchema), locale: Type.Optional(LocaleSchema), email: Type.Optional(Email) },
  { additionalProperties: false, minProperties: 1, examples: [{ locale: 'en' }] },
);
export type UpdateProfile = Static<typeof UpdateProfileSchema>;

export const ChangePasswordSchema = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: PasswordSchema },
  { additionalProperties: false, examples: [{ currentPassword: 'geheim-2026', newPassword: 'Fensterbank-Eiche-77' }] },
);
export type ChangePassword = Static<typeof ChangePasswordSchema>;

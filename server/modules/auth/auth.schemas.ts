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
  {},
);

export const UpdateProfileSchema = Type.Object(
  { name: Type.Optional(NameSchema), locale: Type.Optional(LocaleSchema), email: Type.Optional(Email) },
  { additionalProperties: false, minProperties: 1, examples: [{ locale: 'en' }] },
);
export type UpdateProfile = Static<typeof UpdateProfileSchema>;

export const ChangePasswordSchema = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: PasswordSchema },
  { additionalProperties: false },
);
export type ChangePassword = Static<typeof ChangePasswordSchema>;

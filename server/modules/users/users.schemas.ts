import { type Static, Type } from 'typebox';
import { Email, Id, Stamps, Timestamp } from '../../http/schemas.ts';

export const RoleSchema = Type.Union(
  [Type.Literal('admin'), Type.Literal('head'), Type.Literal('manager'), Type.Literal('specialist')],
  {
    description: 'admin: everything; head: everything owned by their team; manager: own records; specialist: through their tasks',
  },
);
export const LocaleSchema = Type.Union([Type.Literal('de'), Type.Literal('en')]);
export const PasswordSchema = Type.String({ minLength: 8, maxLength: 200, writeOnly: true });
export const NameSchema = Type.String({ minLength: 1, maxLength: 200 });

export const UserSchema = Type.Object(
  {
    ...Stamps,
    name: Type.String(),
    email: Type.String(),
    role: RoleSchema,
    teamId: Type.Union([Id, Type.Null()]),
    active: Type.Boolean(),
    locale: LocaleSchema,
    lastLoginAt: Type.Union([Timestamp, Type.Null()]),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0aw',
        name: 'Anna Schmidt',
        email: 'anna.schmidt@example.de',
        role: 'manager',
        teamId: '01jdq3m6e2x7k9v4b8c1n5t0tm',
        active: true,
        locale: 'de',
        lastLoginAt: null,
        createdAt: '2026-11-28T09:15:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 1,
      },
    ],
  },
);
export type User = Static<typeof UserSchema>;

export const CreateUserSchema = Type.Object(
  {
    name: NameSchema,
    email: Email,
    password: PasswordSchema,
    role: RoleSchema,
    teamId: Type.Optional(Type.Union([Id, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
    locale: Type.Optional(LocaleSchema),
  },
  {
    additionalProperties: false,
    examples: [{ name: 'Anna Schmidt', email: 'anna.schmidt@example.de', password: 'geheim-2026', role: 'manager' }],
  },
);
export type CreateUser = Static<typeof CreateUserSchema>;

export const UpdateUserSchema = Type.Object(
  {
    name: Type.Optional(NameSchema),
    email: Type.Optional(Email),
    password: Type.Optional(PasswordSchema),
    role: Type.Optional(RoleSchema),
    teamId: Type.Optional(Type.Union([Id, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false, minProperties: 1, examples: [{ role: 'head', teamId: '01jdq3m6e2x7k9v4b8c1n5t0tm' }] },
);
export type UpdateUser = Static<typeof UpdateUserSchema>;

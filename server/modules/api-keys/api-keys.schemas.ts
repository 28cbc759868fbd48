import { type Static, Type } from 'typebox';
import { Id, Stamps, Timestamp } from '../../http/schemas.ts';
import { RoleSchema } from '../users/users.schemas.ts';

const ApiKeyProps = {
  ...Stamps,
  name: Type.String(),
  role: RoleSchema,
  userId: Id,
  prefix: Type.String({ description: 'The first characters of the key, to recognise it' }),
  lastUsedAt: Type.Union([Timestamp, Type.Null()]),
  revokedAt: Type.Union([Timestamp, Type.Null()]),
};

export const ApiKeySchema = Type.Object(ApiKeyProps, {
  examples: [
    {
      id: '01jdq3m6e2x7k9v4b8c1n5t0ak',
      name: 'Webshop',
      role: 'manager',
      userId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
      prefix: 'kontor_ab12cd34ef56',
      lastUsedAt: '2026-11-28T08:42:17.000Z',
      revokedAt: null,
      createdAt: '2026-11-03T10:20:00.000Z',
      updatedAt: '2026-11-03T10:20:00.000Z',
      version: 1,
    },
  ],
});
export type ApiKey = Static<typeof ApiKeySchema>;

export const CreatedApiKeySchema = Type.Object(
  {
    ...ApiKeyProps,
    key: Type.String({ description: 'The secret key; shown only in this answer. Send as Authorization: Bearer <key>' }),
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0ak',
        name: 'Webshop',
        role: 'manager',
        userId: '01jdq3m6e2x7k9v4b8c1n5t0aw',
        prefix: 'kontor_ab12cd34ef56',
        key: 'kontor_ab12cd34ef56…',
        lastUsedAt: null,
        revokedAt: null,
        createdAt: '2026-11-28T09:15:00.000Z',
        updatedAt: '2026-11-28T09:15:00.000Z',
        version: 1,
      },
    ],
  },
);

export const CreateApiKeySchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 120 }), role: RoleSchema },
  { additionalProperties: false, examples: [{ name: 'Webshop', role: 'manager' }] },
);
export type CreateApiKey = Static<typeof CreateApiKeySchema>;

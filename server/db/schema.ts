import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

// The database as Kysely sees it (CamelCasePlugin maps these names to snake_case columns).
// Kept in step with migrations/; tests/db/migrations.test.ts checks every column exists.

export type Role = 'admin' | 'head' | 'manager' | 'specialist';
export type Locale = 'de' | 'en';

interface Stamped {
  createdAt: string;
  updatedAt: string;
  version: ColumnType<number, number | undefined, number>;
}

export interface TeamsTable extends Stamped {
  id: string;
  name: string;
  headId: string | null;
}

export interface UsersTable extends Stamped {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  teamId: string | null;
  active: number;
  locale: Locale;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
}

export interface SessionsTable {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  userAgent: string | null;
  ip: string | null;
}

export interface ApiKeysTable extends Stamped {
  id: string;
  name: string;
  prefix: string;
  keyHash: string;
  role: Role;
  userId: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface SettingsTable extends Stamped {
  key: string;
  value: string;
}

export interface DB {
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  apiKeys: ApiKeysTable;
  settings: SettingsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type SessionRow = Selectable<SessionsTable>;

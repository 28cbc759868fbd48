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

interface AddressColumns {
  street: string | null;
  zip: string | null;
  city: string | null;
  country: string | null;
}

export interface CompaniesTable extends Stamped, AddressColumns {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  phoneNormalized: string | null;
  website: string | null;
  ownerId: string | null;
  /** JSON array of strings */
  tags: string;
  /** JSON object, validated against custom_fields definitions */
  customFields: string;
  externalId: string | null;
}

export interface ContactsTable extends Stamped, AddressColumns {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  phoneNormalized: string | null;
  companyId: string | null;
  ownerId: string | null;
  source: string | null;
  tags: string;
  customFields: string;
  externalId: string | null;
  lastActivityAt: string | null;
}

export type CustomFieldEntity = 'contact' | 'company' | 'deal';
export type CustomFieldType = 'text' | 'number' | 'money' | 'date' | 'datetime' | 'boolean' | 'select' | 'multiselect';

export interface CustomFieldsTable extends Stamped {
  id: string;
  entity: CustomFieldEntity;
  key: string;
  label: string;
  type: CustomFieldType;
  /** JSON array of option strings (select, multiselect) */
  options: string;
  required: number;
  position: number;
}

export type ActivityType = 'note' | 'call' | 'email' | 'meeting';

export interface ActivitiesTable extends Stamped {
  id: string;
  type: ActivityType;
  contactId: string | null;
  companyId: string | null;
  dealId: string | null;
  userId: string | null;
  body: string;
  occurredAt: string;
  direction: 'inbound' | 'outbound' | null;
  durationSec: number | null;
}

export interface RecordChangesTable {
  id: string;
  entityType: string;
  entityId: string;
  userId: string | null;
  action: string;
  /** JSON array of {field, from, to} */
  changes: string;
  at: string;
}

export interface SavedViewsTable extends Stamped {
  id: string;
  userId: string;
  entity: string;
  name: string;
  /** JSON object of list query parameters */
  query: string;
}

export interface SearchDocsTable {
  id: number;
  kind: string;
  refId: string;
}

export interface DB {
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  apiKeys: ApiKeysTable;
  settings: SettingsTable;
  companies: CompaniesTable;
  contacts: ContactsTable;
  customFields: CustomFieldsTable;
  activities: ActivitiesTable;
  recordChanges: RecordChangesTable;
  savedViews: SavedViewsTable;
  searchDocs: SearchDocsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type SessionRow = Selectable<SessionsTable>;
export type CompanyRow = Selectable<CompaniesTable>;
export type ContactRow = Selectable<ContactsTable>;
export type CustomFieldRow = Selectable<CustomFieldsTable>;
export type ActivityRow = Selectable<ActivitiesTable>;

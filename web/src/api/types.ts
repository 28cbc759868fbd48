// API shapes come from the server's TypeBox schemas; type-only imports never pull server code into the bundle.
export type { ApiKey, CreateApiKey } from '../../../server/modules/api-keys/api-keys.schemas.ts';
export type { ChangePassword, Login, UpdateProfile } from '../../../server/modules/auth/auth.schemas.ts';
export type { CompanySettings, UpdateCompanySettings } from '../../../server/modules/settings/company.schemas.ts';
export type { Setup } from '../../../server/modules/setup/setup.schemas.ts';
export type { CreateTeam, Team, UpdateTeam } from '../../../server/modules/teams/teams.schemas.ts';
export type { CreateUser, UpdateUser, User } from '../../../server/modules/users/users.schemas.ts';

import type { ApiKey } from '../../../server/modules/api-keys/api-keys.schemas.ts';
import type { User } from '../../../server/modules/users/users.schemas.ts';

export type Role = User['role'];
export type Locale = User['locale'];
export type CreatedApiKey = ApiKey & { key: string };

export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

/** Roles from most to least privileged; a user may grant only roles at or below their own. */
export const ROLES: readonly Role[] = ['admin', 'head', 'manager', 'specialist'];

export function rolesAtOrBelow(role: Role): Role[] {
  return ROLES.slice(ROLES.indexOf(role));
}

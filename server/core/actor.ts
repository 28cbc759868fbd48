import type { Role } from '../db/schema.ts';

/** Who is making a request: a logged-in user, or an integrator's API key acting for its creator. */
export interface Actor {
  userId: string;
  role: Role;
  teamId: string | null;
  /** The team this user heads, if any (a head sees everything owned by that team). */
  headOfTeamIds: string[];
  via: 'session' | 'token' | 'apiKey';
  sessionId: string | null;
  apiKeyId: string | null;
}

const RANK: Record<Role, number> = { specialist: 1, manager: 2, head: 3, admin: 4 };

export const ROLES: Role[] = ['admin', 'head', 'manager', 'specialist'];

export function roleRank(role: Role): number {
  return RANK[role];
}

/** True when `role` is at or below `ceiling`: the rule for granting roles and creating API keys. */
export function roleAtMost(role: Role, ceiling: Role): boolean {
  return RANK[role] <= RANK[ceiling];
}

/** The lower of two roles (an API key never acts above its creator). */
export function lowerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}

import { useMemo } from 'react';
import type { User } from '../../api/types.ts';
import { useUserDirectory } from '../../api/users.ts';

/** Names of the staff by id, for owners and authors. */
export function useUserNames(): Map<string, string> {
  const users = useUserDirectory();
  return useMemo(() => new Map((users.data ?? []).map((user: User) => [user.id, user.name])), [users.data]);
}

/** Active users, for owner pickers. */
export function useActiveUsers(): User[] {
  const users = useUserDirectory();
  return useMemo(() => (users.data ?? []).filter((user) => user.active), [users.data]);
}

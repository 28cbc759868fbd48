import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { meKey } from './auth.ts';
import { api, fetchAll, type Page } from './client.ts';
import type { CreateUser, Role, UpdateUser, User } from './types.ts';

export interface UserFilters {
  q?: string;
  role?: Role;
  teamId?: string;
  active?: boolean;
  sort?: string;
}

export const usersKey = ['users'] as const;

export function useUsersList(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: [...usersKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<User>>('/users', { query: { ...filters, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** Every user, for name lookups and pickers (a small company's staff directory). */
export function useUserDirectory() {
  return useQuery({
    queryKey: [...usersKey, 'directory'],
    queryFn: ({ signal }) => fetchAll<User>('/users', { sort: 'name' }, signal),
    staleTime: 60_000,
  });
}

export function useUser(id: string | null) {
  return useQuery({
    queryKey: [...usersKey, 'detail', id],
    queryFn: ({ signal }) => api.get<User>(`/users/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}

function useInvalidateUsers() {
  const qc = useQueryClient();
  return (user: User) => {
    void qc.invalidateQueries({ queryKey: usersKey });
    void qc.invalidateQueries({ queryKey: ['teams'] });
    const me = qc.getQueryData<User | null>(meKey);
    if (me && me.id === user.id) qc.setQueryData(meKey, user);
  };
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: CreateUser) => api.post<User>('/users', input),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UpdateUser }) =>
      api.patch<User>(`/users/${encodeURIComponent(id)}`, changes, { ifMatch: version }),
    onSuccess: invalidate,
  });
}

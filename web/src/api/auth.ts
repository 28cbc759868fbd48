import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from './client.ts';
import { notificationsKey } from './notifications.ts';
import type { ChangePassword, Login, Session, UpdateProfile, User } from './types.ts';

export const meKey = ['auth', 'me'] as const;

/** Switches the cached session to `user` (null: logged out) and drops everything cached for the previous one. */
export function replaceSession(qc: QueryClient, user: User | null): void {
  qc.setQueryData(meKey, user);
  qc.removeQueries({ predicate: (query) => !(query.queryKey[0] === meKey[0] && query.queryKey[1] === meKey[1]) });
}

/** The signed-in user, or null when there is no valid session. */
async function fetchMe(signal: AbortSignal): Promise<User | null> {
  try {
    return await api.get<User>('/auth/me', { signal, expectUnauthorized: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 5 * 60_000 });
}

/** The signed-in user inside the authenticated part of the app (the guard guarantees one). */
export function useCurrentUser(): User {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside an authenticated route');
  return data;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Login) => api.post<Session>('/auth/login', input, { expectUnauthorized: true }),
    onSuccess: (session) => replaceSession(qc, session.user),
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout', undefined, { expectUnauthorized: true }),
    onSettled: () => replaceSession(qc, null),
  });
}

export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateProfile) => api.patch<User>('/auth/me', input),
    onSuccess: (user, input) => {
      qc.setQueryData(meKey, user);
      void qc.invalidateQueries({ queryKey: ['users'] });
      // the server writes its notifications in the reader's language
      if (input.locale) void qc.invalidateQueries({ queryKey: notificationsKey });
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePassword) => api.post<Session>('/auth/password', input),
    onSuccess: (session) => qc.setQueryData(meKey, session.user),
  });
}

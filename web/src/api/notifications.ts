import { type InfiniteData, type QueryClient, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AppNotification, NotificationPage } from './types.ts';

export const notificationsKey = ['notifications'] as const;
const PAGE_SIZE = 20;

type Pages = InfiniteData<NotificationPage, string | null>;

/** My notifications, newest first, with the unread count (of the first page's answer). */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationsKey,
    queryFn: ({ pageParam, signal }) =>
      api.get<NotificationPage>('/notifications', { query: { limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // New ones arrive over SSE; a refetch on focus catches up after sleep or a lost connection.
    staleTime: 60_000,
  });
}

function mapPages(qc: QueryClient, change: (pages: NotificationPage[]) => NotificationPage[]): void {
  qc.setQueryData<Pages>(notificationsKey, (data) => (data ? { ...data, pages: change(data.pages) } : data));
}

/** A notification that arrived live goes on top and counts as unread. */
export function addNotification(qc: QueryClient, notification: AppNotification): void {
  mapPages(qc, (pages) => {
    if (pages.some((page) => page.data.some((n) => n.id === notification.id))) return pages;
    return pages.map((page, i) =>
      i === 0 ? { ...page, data: [notification, ...page.data], unreadCount: page.unreadCount + 1 } : page,
    );
  });
}

export function useMarkNotificationRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<AppNotification>(`/notifications/${encodeURIComponent(id)}/read`),
    onMutate: (id) =>
      mapPages(qc, (pages) => {
        const wasUnread = pages.some((page) => page.data.some((n) => n.id === id && !n.readAt));
        const readAt = new Date().toISOString();
        return pages.map((page, i) => ({
          ...page,
          data: page.data.map((n) => (n.id === id && !n.readAt ? { ...n, readAt } : n)),
          unreadCount: i === 0 && wasUnread ? Math.max(0, page.unreadCount - 1) : page.unreadCount,
        }));
      }),
    onSettled: () => void qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllNotificationsRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/notifications/read-all'),
    onSuccess: () => {
      const readAt = new Date().toISOString();
      mapPages(qc, (pages) =>
        pages.map((page) => ({ ...page, unreadCount: 0, data: page.data.map((n) => (n.readAt ? n : { ...n, readAt })) })),
      );
      void qc.invalidateQueries({ queryKey: notificationsKey });
    },
  });
}

import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from './client.ts';
import type { Activity, CreateActivity, TimelineItem } from './types.ts';

/** Records with a timeline; deals have one too (the Sales UI shows it). */
export type TimelineEntity = 'contact' | 'company' | 'deal';

const PATHS: Record<TimelineEntity, string> = { contact: 'contacts', company: 'companies', deal: 'deals' };

export const timelineKey = (entity: TimelineEntity, id: string) => ['timeline', entity, id] as const;

/** Everything that happened to a record, newest first, a page at a time. */
export function useTimeline(entity: TimelineEntity, id: string) {
  return useInfiniteQuery({
    queryKey: timelineKey(entity, id),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<TimelineItem>>(`/${PATHS[entity]}/${encodeURIComponent(id)}/timeline`, {
        query: { limit: 30, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

function asItem(activity: Activity, userName: string): TimelineItem {
  return {
    kind: 'activity',
    id: activity.id,
    at: activity.occurredAt,
    userId: activity.userId,
    userName,
    title: activity.type,
    activity,
  };
}

/**
 * Logs a note, call, e-mail or meeting on a record. The new entry goes to the top of the record's
 * timeline at once; the figures and the record (last contact) are refreshed behind it.
 */
export function useLogActivity(entity: TimelineEntity, id: string, userName: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateActivity) => api.post<Activity>('/activities', input),
    onSuccess: (activity) => {
      qc.setQueryData<InfiniteData<Page<TimelineItem>, string | null>>(timelineKey(entity, id), (data) => {
        if (!data || data.pages.length === 0) return data;
        const [first, ...rest] = data.pages;
        return {
          ...data,
          pages: [{ ...(first as Page<TimelineItem>), data: [asItem(activity, userName), ...(first?.data ?? [])] }, ...rest],
        };
      });
      void qc.invalidateQueries({ queryKey: [PATHS[entity]] });
    },
  });
}

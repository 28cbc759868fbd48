import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { SearchHit } from './types.ts';

/** Contacts, companies and deals matching `q` (every word as a prefix), best first; idle for an empty query. */
export function useGlobalSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['search', text],
    queryFn: ({ signal }) => api.get<{ data: SearchHit[] }>('/search', { query: { q: text, limit: 20 }, signal }),
    select: (res) => res.data,
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

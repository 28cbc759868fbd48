import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, type Page } from './client.ts';
import type {
  Board,
  CreateDeal,
  CreateLineItem,
  CreatePayment,
  Deal,
  LineItem,
  Payment,
  StageChange,
  UpdateDeal,
  UpdateLineItem,
} from './types.ts';

export const dealsKey = ['deals'] as const;

const path = (id: string) => `/deals/${encodeURIComponent(id)}`;

/** Board and list filters: owner (a user id) and tag. */
export interface DealFilters {
  ownerId?: string;
  tag?: string;
}

/** The kanban board: per stage its count, sums and the first cards. */
export function useBoard(pipelineId: string | null, filters: DealFilters, limit = 20) {
  return useQuery({
    queryKey: [...dealsKey, 'board', pipelineId, filters, limit],
    queryFn: ({ signal }) =>
      api.get<Board>(`/pipelines/${encodeURIComponent(pipelineId ?? '')}/board`, { query: { ...filters, limit }, signal }),
    enabled: pipelineId !== null,
    placeholderData: keepPreviousData,
  });
}

/** All deals of one stage, a page at a time in the board's order (a column after "load more"). */
export function useStageDeals(stageId: string, filters: DealFilters, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...dealsKey, 'column', stageId, filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Deal>>('/deals', {
        query: { ...filters, stageId, sort: '-stageEnteredAt', limit: 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

export interface DealListQuery extends DealFilters {
  pipelineId?: string;
  stageId?: string;
  status?: Deal['status'];
  q?: string;
  sort?: string;
}

export function useDealsList(query: DealListQuery) {
  return useInfiniteQuery({
    queryKey: [...dealsKey, 'list', query],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Deal>>('/deals', { query: { ...query, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** The export download of the deals list with its filters and sort, as a plain link (the session cookie authorises it). */
export function dealsExportUrl(query: DealListQuery, format: 'csv' | 'xlsx', lang: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  params.set('format', format);
  params.set('lang', lang);
  return `/api/v1/deals/export?${params.toString()}`;
}

export const dealKey = (id: string) => [...dealsKey, 'detail', id] as const;

export function useDeal(id: string) {
  return useQuery({ queryKey: dealKey(id), queryFn: ({ signal }) => api.get<Deal>(path(id), { signal }) });
}

export function useDealHistory(id: string) {
  return useQuery({
    queryKey: [...dealsKey, 'history', id],
    queryFn: ({ signal }) => fetchAll<StageChange>(`${path(id)}/history`, {}, signal),
  });
}

function useDealChanged() {
  const qc = useQueryClient();
  /** `fresh`: the deal as the server answered; else only its id, and everything about it is refetched. */
  return async (fresh: Deal | string) => {
    const id = typeof fresh === 'string' ? fresh : fresh.id;
    if (typeof fresh !== 'string') qc.setQueryData(dealKey(id), fresh);
    await Promise.all([
      qc.invalidateQueries({ queryKey: dealsKey }),
      qc.invalidateQueries({ queryKey: ['timeline', 'deal', id] }),
    ]);
  };
}

export function useCreateDeal() {
  const changed = useDealChanged();
  return useMutation({
    mutationFn: (input: CreateDeal) => api.post<Deal>('/deals', input),
    onSuccess: (deal) => void changed(deal),
  });
}

export function useUpdateDeal() {
  const changed = useDealChanged();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UpdateDeal }) =>
      api.patch<Deal>(path(id), changes, { ifMatch: version }),
    onSuccess: (deal) => void changed(deal),
  });
}

export interface MoveDeal {
  deal: Pick<Deal, 'id' | 'version' | 'stageId'>;
  stageId: string;
  lostReason?: string;
}

/** Moves a deal to another stage, guarded by its version; settles only once boards and lists are fresh. */
export function useMoveDeal() {
  const changed = useDealChanged();
  return useMutation({
    mutationFn: ({ deal, stageId, lostReason }: MoveDeal) =>
      api.patch<Deal>(path(deal.id), lostReason ? { stageId, lostReason } : { stageId }, { ifMatch: deal.version }),
    onSuccess: (deal) => changed(deal),
    // A refused move may have met a deal changed elsewhere: show the fresh state behind the message.
    onError: (_, { deal }) => changed(deal.id),
  });
}

export function useDeleteDeal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(path(id)),
    onSuccess: (_, id) => {
      qc.removeQueries({ queryKey: dealKey(id) });
      void qc.invalidateQueries({ queryKey: dealsKey });
    },
  });
}

export function useLineItems(dealId: string) {
  return useQuery({
    queryKey: [...dealsKey, 'line-items', dealId],
    queryFn: ({ signal }) => fetchAll<LineItem>(`${path(dealId)}/line-items`, {}, signal),
  });
}

/** Adds, changes or removes a line item; the deal's amount, tax and gross follow on the server. */
export function useLineItemMutations(dealId: string) {
  const changed = useDealChanged();
  const onSuccess = () => void changed(dealId);
  const items = `${path(dealId)}/line-items`;
  return {
    add: useMutation({ mutationFn: (input: CreateLineItem) => api.post<LineItem>(items, input), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, changes }: { id: string; changes: UpdateLineItem }) =>
        api.patch<LineItem>(`${items}/${encodeURIComponent(id)}`, changes),
      onSuccess,
    }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(`${items}/${encodeURIComponent(id)}`), onSuccess }),
  };
}

export function usePayments(dealId: string) {
  return useQuery({
    queryKey: [...dealsKey, 'payments', dealId],
    queryFn: ({ signal }) => fetchAll<Payment>(`${path(dealId)}/payments`, {}, signal),
  });
}

export function usePaymentMutations(dealId: string) {
  const changed = useDealChanged();
  const onSuccess = () => void changed(dealId);
  const payments = `${path(dealId)}/payments`;
  return {
    add: useMutation({ mutationFn: (input: CreatePayment) => api.post<Payment>(payments, input), onSuccess }),
    remove: useMutation({ mutationFn: (id: string) => api.delete(`${payments}/${encodeURIComponent(id)}`), onSuccess }),
  };
}

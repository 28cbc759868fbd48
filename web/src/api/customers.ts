import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from './client.ts';
import type {
  Company,
  Contact,
  CreateCompany,
  CreateContact,
  CustomerEntity,
  Duplicate,
  RecordStats,
  UpdateCompany,
  UpdateContact,
} from './types.ts';

/** Contacts and companies behave alike over the API; these hooks serve both, typed per entity. */
export interface CustomerRecord {
  contact: Contact;
  company: Company;
}
export interface CustomerCreate {
  contact: CreateContact;
  company: CreateCompany;
}
export interface CustomerUpdate {
  contact: UpdateContact;
  company: UpdateCompany;
}

export type CreatedContact = Contact & { possibleDuplicates: Duplicate[] };

export const ENTITY_PATH: Record<CustomerEntity, string> = { contact: 'contacts', company: 'companies' };

/** The list's query parameters as the API takes them (filters, q, sort; also `customFields.<key>`). */
export type ListQuery = Record<string, string>;

export const customerKey = (entity: CustomerEntity) => [ENTITY_PATH[entity]] as const;

const recordPath = (entity: CustomerEntity, id: string) => `/${ENTITY_PATH[entity]}/${encodeURIComponent(id)}`;

export function useCustomerList<E extends CustomerEntity>(entity: E, query: ListQuery, opts: { limit?: number } = {}) {
  return useInfiniteQuery({
    queryKey: [...customerKey(entity), 'list', query, opts.limit ?? 50],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CustomerRecord[E]>>(`/${ENTITY_PATH[entity]}`, {
        query: { ...query, limit: opts.limit ?? 50, cursor: pageParam },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useCustomer<E extends CustomerEntity>(entity: E, id: string) {
  return useQuery({
    queryKey: [...customerKey(entity), 'detail', id],
    queryFn: ({ signal }) => api.get<CustomerRecord[E]>(recordPath(entity, id), { signal }),
  });
}

/** Loads a record afresh (bypassing the cache), e.g. to reload a form after a conflicting edit. */
export function useFetchCustomer<E extends CustomerEntity>(entity: E) {
  const qc = useQueryClient();
  return (id: string) =>
    qc.fetchQuery({
      queryKey: [...customerKey(entity), 'detail', id],
      queryFn: () => api.get<CustomerRecord[E]>(recordPath(entity, id)),
      staleTime: 0,
    });
}

export function useCustomerStats(entity: CustomerEntity, id: string) {
  return useQuery({
    queryKey: [...customerKey(entity), 'stats', id],
    queryFn: ({ signal }) => api.get<RecordStats>(`${recordPath(entity, id)}/stats`, { signal }),
  });
}

export function useDuplicates(entity: CustomerEntity, id: string) {
  return useQuery({
    queryKey: [...customerKey(entity), 'duplicates', id],
    queryFn: ({ signal }) => api.get<{ data: Duplicate[] }>(`${recordPath(entity, id)}/duplicates`, { signal }),
    select: (res) => res.data,
  });
}

function useInvalidate(entity: CustomerEntity) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: customerKey(entity) });
    // Contacts show their company's name and companies list their contacts.
    void qc.invalidateQueries({ queryKey: customerKey(entity === 'contact' ? 'company' : 'contact') });
    void qc.invalidateQueries({ queryKey: ['timeline'] });
  };
}

export function useCreateCustomer<E extends CustomerEntity>(entity: E) {
  const invalidate = useInvalidate(entity);
  return useMutation({
    mutationFn: (input: CustomerCreate[E]) =>
      api.post<E extends 'contact' ? CreatedContact : Company>(`/${ENTITY_PATH[entity]}`, input),
    onSuccess: invalidate,
  });
}

export function useUpdateCustomer<E extends CustomerEntity>(entity: E) {
  const invalidate = useInvalidate(entity);
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: CustomerUpdate[E] }) =>
      api.patch<CustomerRecord[E]>(recordPath(entity, id), changes, { ifMatch: version }),
    onSuccess: invalidate,
  });
}

export function useDeleteCustomer(entity: CustomerEntity) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(recordPath(entity, id)),
    onSuccess: (_void, id) => {
      qc.removeQueries({ queryKey: [...customerKey(entity), 'detail', id] });
      void qc.invalidateQueries({ queryKey: customerKey(entity), refetchType: 'active' });
    },
  });
}

/** Keeps `keepId` and moves everything of `otherId` onto it; the other record is deleted. */
export function useMergeCustomers<E extends CustomerEntity>(entity: E) {
  const invalidate = useInvalidate(entity);
  return useMutation({
    mutationFn: ({ keepId, otherId }: { keepId: string; otherId: string }) =>
      api.post<CustomerRecord[E]>(`${recordPath(entity, keepId)}/merge`, { otherId }),
    onSuccess: invalidate,
  });
}

/** Gives many records to another owner at once (all or nothing). */
export function useTransferOwnership(entity: CustomerEntity) {
  const invalidate = useInvalidate(entity);
  return useMutation({
    mutationFn: (input: { ids: string[]; ownerId: string }) =>
      api.post<{ updated: number }>('/ownership/transfer', { entity, ...input }),
    onSuccess: invalidate,
  });
}

/** The export download of a list with its current filters, as a plain link (the session cookie authorises it). */
export function exportUrl(entity: CustomerEntity, query: ListQuery, format: 'csv' | 'xlsx', lang: string): string {
  const params = new URLSearchParams({ ...query, format, lang });
  return `/api/v1/${ENTITY_PATH[entity]}/export?${params.toString()}`;
}

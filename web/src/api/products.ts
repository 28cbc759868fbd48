import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, type Page } from './client.ts';
import type { CreateProduct, Product, UpdateProduct } from './types.ts';

export const productsKey = ['products'] as const;

export interface ProductFilters {
  q?: string;
  active?: boolean;
  sort?: string;
}

export function useProductsList(filters: ProductFilters) {
  return useInfiniteQuery({
    queryKey: [...productsKey, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Product>>('/products', { query: { ...filters, limit: 50, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** The active catalogue, for picking a product on a line item. */
export function useActiveProducts() {
  return useQuery({
    queryKey: [...productsKey, 'active'],
    queryFn: ({ signal }) => fetchAll<Product>('/products', { active: true, sort: 'name' }, signal),
    staleTime: 60_000,
  });
}

function useInvalidateProducts() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: productsKey });
}

export function useCreateProduct() {
  const invalidate = useInvalidateProducts();
  return useMutation({ mutationFn: (input: CreateProduct) => api.post<Product>('/products', input), onSuccess: invalidate });
}

export function useUpdateProduct() {
  const invalidate = useInvalidateProducts();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UpdateProduct }) =>
      api.patch<Product>(`/products/${encodeURIComponent(id)}`, changes, { ifMatch: version }),
    // also after a 412: the table then shows the fresh version to edit
    onSettled: invalidate,
  });
}

export function useDeleteProduct() {
  const invalidate = useInvalidateProducts();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/products/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}

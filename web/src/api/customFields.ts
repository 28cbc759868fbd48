import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, fetchAll } from './client.ts';
import type { CreateCustomField, CustomField, CustomFieldEntity, UpdateCustomField } from './types.ts';

export const customFieldsKey = ['custom-fields'] as const;

/** Every custom field definition (every page), sorted by entity and position; filter by entity with `fieldsOf`. */
export function useCustomFields() {
  return useQuery({
    queryKey: customFieldsKey,
    queryFn: ({ signal }) => fetchAll<CustomField>('/custom-fields', {}, signal),
    staleTime: 60_000,
  });
}

/** The definitions of one entity, in their order. */
export function useEntityFields(entity: CustomFieldEntity): CustomField[] {
  const { data } = useCustomFields();
  return useMemo(() => fieldsOf(data, entity), [data, entity]);
}

export function fieldsOf(all: CustomField[] | undefined, entity: CustomFieldEntity): CustomField[] {
  return (all ?? []).filter((field) => field.entity === entity).sort((a, b) => a.position - b.position);
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: customFieldsKey });
    // Records carry the values: a deleted field's values disappear from them.
    void qc.invalidateQueries({ queryKey: ['contacts'] });
    void qc.invalidateQueries({ queryKey: ['companies'] });
  };
}

export function useCreateCustomField() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: CreateCustomField) => api.post<CustomField>('/custom-fields', input),
    onSuccess: invalidate,
  });
}

export function useUpdateCustomField() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UpdateCustomField }) =>
      api.patch<CustomField>(`/custom-fields/${encodeURIComponent(id)}`, changes, { ifMatch: version }),
    onSuccess: invalidate,
  });
}

export function useDeleteCustomField() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/custom-fields/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}

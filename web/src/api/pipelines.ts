import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, type Page } from './client.ts';
import type { CreatePipeline, LostReason, Pipeline, UpdatePipeline } from './types.ts';

export const pipelinesKey = ['pipelines'] as const;
export const lostReasonsKey = ['lost-reasons'] as const;

const path = (id: string) => `/pipelines/${encodeURIComponent(id)}`;

/** Every pipeline with its stages in order (a handful; every page). */
export function usePipelines() {
  return useQuery({
    queryKey: pipelinesKey,
    queryFn: ({ signal }) => fetchAll<Pipeline>('/pipelines', {}, signal),
    staleTime: 60_000,
  });
}

function useInvalidatePipelines() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: pipelinesKey });
    // Boards and deals show stage names, order and markers.
    void qc.invalidateQueries({ queryKey: ['deals'] });
  };
}

export function useCreatePipeline() {
  const invalidate = useInvalidatePipelines();
  return useMutation({
    mutationFn: (input: CreatePipeline) => api.post<Pipeline>('/pipelines', input),
    onSuccess: invalidate,
  });
}

export function useUpdatePipeline() {
  const invalidate = useInvalidatePipelines();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version?: number; changes: UpdatePipeline }) =>
      api.patch<Pipeline>(path(id), changes, { ifMatch: version }),
    onSuccess: invalidate,
  });
}

export function useDeletePipeline() {
  const invalidate = useInvalidatePipelines();
  return useMutation({
    mutationFn: ({ id, moveTo }: { id: string; moveTo?: string | null }) =>
      api.delete<{ movedDealIds: string[] }>(path(id), { query: { moveTo } }),
    onSuccess: invalidate,
  });
}

/** Deletes a stage at once, moving its deals to `moveTo` first. */
export function useDeleteStage() {
  const invalidate = useInvalidatePipelines();
  return useMutation({
    mutationFn: ({ pipelineId, stageId, moveTo }: { pipelineId: string; stageId: string; moveTo?: string | null }) =>
      api.delete<{ movedDealIds: string[] }>(`${path(pipelineId)}/stages/${encodeURIComponent(stageId)}`, {
        query: { moveTo },
      }),
    onSuccess: invalidate,
  });
}

/** Whether deals (visible to the caller) sit in a pipeline or stage: 0 or 1, enough to decide if deleting needs a target. */
export function useDealCount(filter: { pipelineId?: string; stageId?: string } | null) {
  return useQuery({
    queryKey: ['deals', 'exists', filter],
    queryFn: ({ signal }) => api.get<Page<{ id: string }>>('/deals', { query: { ...filter, limit: 1 }, signal }),
    select: (page) => page.data.length,
    enabled: filter !== null,
    staleTime: 0,
  });
}

export function useLostReasons() {
  return useQuery({
    queryKey: lostReasonsKey,
    queryFn: ({ signal }) => fetchAll<LostReason>('/lost-reasons', {}, signal),
    staleTime: 60_000,
  });
}

export function useCreateLostReason() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; position?: number }) => api.post<LostReason>('/lost-reasons', input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: lostReasonsKey }),
  });
}

export function useUpdateLostReason() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: Partial<Pick<LostReason, 'name' | 'active' | 'position'>> }) =>
      api.patch<LostReason>(`/lost-reasons/${encodeURIComponent(id)}`, changes),
    onSuccess: () => void qc.invalidateQueries({ queryKey: lostReasonsKey }),
  });
}

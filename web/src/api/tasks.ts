import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, fetchAll, type Page } from './client.ts';
import type {
  CreateTask,
  CreateTaskType,
  SearchHit,
  Task,
  TaskComment,
  TaskStatus,
  TaskType,
  UpdateTask,
  UpdateTaskType,
} from './types.ts';

/** GET /tasks filters as the API takes them. */
export interface TaskQuery {
  mine?: boolean;
  assigneeId?: string;
  status?: TaskStatus;
  type?: string;
  contactId?: string;
  companyId?: string;
  dealId?: string;
  due?: 'overdue' | 'today' | 'upcoming' | 'none';
  dueFrom?: string;
  dueTo?: string;
  q?: string;
  sort?: string;
}

export const tasksKey = ['tasks'] as const;
export const taskTypesKey = ['task-types'] as const;
const taskPath = (id: string) => `/tasks/${encodeURIComponent(id)}`;
const taskKey = (id: string) => [...tasksKey, 'detail', id] as const;
const commentsKey = (id: string) => [...tasksKey, 'comments', id] as const;

export function useTaskList(query: TaskQuery, opts: { limit?: number; enabled?: boolean } = {}) {
  const limit = opts.limit ?? 50;
  return useInfiniteQuery({
    queryKey: [...tasksKey, 'list', query, limit],
    queryFn: ({ pageParam, signal }) => api.get<Page<Task>>('/tasks', { query: { ...query, limit, cursor: pageParam }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

/** Every task in a due range (the calendar's week), all pages. */
export function useTasksInRange(query: TaskQuery & { dueFrom: string; dueTo: string }) {
  return useQuery({
    queryKey: [...tasksKey, 'range', query],
    queryFn: ({ signal }) =>
      fetchAll<Task>('/tasks', { ...query, sort: 'dueAt' } as Record<string, string | boolean | undefined>, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTask(id: string) {
  return useQuery({ queryKey: taskKey(id), queryFn: ({ signal }) => api.get<Task>(taskPath(id), { signal }) });
}

export function useTaskTypes() {
  return useQuery({
    queryKey: taskTypesKey,
    queryFn: ({ signal }) => fetchAll<TaskType>('/task-types', {}, signal),
    staleTime: 5 * 60_000,
  });
}

/** A changed task: its detail from the answer, every list and range refetched. */
export function taskChanged(qc: QueryClient, task?: Task): void {
  if (task) qc.setQueryData(taskKey(task.id), task);
  void qc.invalidateQueries({ queryKey: [...tasksKey, 'list'] });
  void qc.invalidateQueries({ queryKey: [...tasksKey, 'range'] });
}

/** Completing with a note, or changing links, writes to the linked records' timelines. */
function recordsChanged(qc: QueryClient, task: Task): void {
  if (task.contactId) void qc.invalidateQueries({ queryKey: ['timeline', 'contact', task.contactId] });
  if (task.companyId) void qc.invalidateQueries({ queryKey: ['timeline', 'company', task.companyId] });
  if (task.dealId) void qc.invalidateQueries({ queryKey: ['timeline', 'deal', task.dealId] });
}

export function useCreateTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTask) => api.post<Task>('/tasks', input),
    onSuccess: (task) => taskChanged(qc, task),
  });
}

export function useUpdateTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version: number; changes: UpdateTask }) =>
      api.patch<Task>(taskPath(id), changes, { ifMatch: version }),
    onSuccess: (task) => taskChanged(qc, task),
  });
}

export function useCompleteTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note?: string }) =>
      api.post<Task>(`${taskPath(id)}/complete`, note?.trim() ? { note: note.trim() } : {}),
    onSuccess: (task) => {
      taskChanged(qc, task);
      recordsChanged(qc, task);
    },
  });
}

export function useReopenTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Task>(`${taskPath(id)}/reopen`),
    onSuccess: (task) => taskChanged(qc, task),
  });
}

export function useDeleteTask() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(taskPath(id)),
    onSuccess: (_, id) => {
      qc.removeQueries({ queryKey: taskKey(id) });
      taskChanged(qc);
    },
  });
}

export function useTaskComments(id: string) {
  return useQuery({
    queryKey: commentsKey(id),
    queryFn: ({ signal }) => fetchAll<TaskComment>(`${taskPath(id)}/comments`, {}, signal),
  });
}

export function useAddTaskComment(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<TaskComment>(`${taskPath(id)}/comments`, { body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: commentsKey(id) }),
  });
}

export function useCreateTaskType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTaskType) => api.post<TaskType>('/task-types', input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: taskTypesKey }),
  });
}

export function useUpdateTaskType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ key, changes }: { key: string; changes: UpdateTaskType }) =>
      api.patch<TaskType>(`/task-types/${encodeURIComponent(key)}`, changes),
    onSuccess: () => void qc.invalidateQueries({ queryKey: taskTypesKey }),
  });
}

/** The records a task can link to. */
export type LinkKind = 'contact' | 'company' | 'deal';
const LINK_PATHS: Record<LinkKind, string> = { contact: 'contacts', company: 'companies', deal: 'deals' };

/** Records of one kind matching `q` (the global search, narrowed by type); idle for an empty query. */
export function useLinkSearch(kind: LinkKind, q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['search', kind, text],
    queryFn: ({ signal }) => api.get<{ data: SearchHit[] }>('/search', { query: { q: text, type: kind, limit: 20 }, signal }),
    select: (res) => res.data,
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

interface Named {
  firstName?: string;
  lastName?: string;
  name?: string;
  title?: string;
}

/** The display name of a linked record when only its id is known (a dialog opened with a contactId). */
export function useLinkLabel(kind: LinkKind, id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['task-link', kind, id],
    queryFn: ({ signal }) => api.get<Named>(`/${LINK_PATHS[kind]}/${encodeURIComponent(id ?? '')}`, { signal }),
    select: (r) => r.title ?? r.name ?? [r.firstName, r.lastName].filter(Boolean).join(' '),
    enabled: enabled && id !== null,
    staleTime: 60_000,
  });
}

/** Moves a task to a new due time (calendar drag and drop): shown at once, undone when the server refuses. */
export function useRescheduleTask() {
  const qc = useQueryClient();
  const rangeKey = [...tasksKey, 'range'];
  return useMutation({
    mutationFn: ({ task, dueAt }: { task: Task; dueAt: string }) =>
      api.patch<Task>(taskPath(task.id), { dueAt }, { ifMatch: task.version }),
    onMutate: async ({ task, dueAt }) => {
      await qc.cancelQueries({ queryKey: rangeKey });
      qc.setQueriesData<Task[]>({ queryKey: rangeKey }, (tasks) =>
        tasks?.map((candidate) => (candidate.id === task.id ? { ...candidate, dueAt } : candidate)),
      );
    },
    onSuccess: (task) => taskChanged(qc, task),
    onError: () => void qc.invalidateQueries({ queryKey: rangeKey }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fetchAll, type Page } from './client.ts';

/*
 * Automation: workflows (trigger → conditions → steps), their runs and the shipped process templates.
 * The shapes are written out here (server/modules/workflows/definition.ts is the source) so the web
 * build's type check does not pull in server code.
 */

export const TRIGGER_TYPES = [
  'record.created',
  'record.updated',
  'deal.stage_changed',
  'deal.won',
  'deal.lost',
  'deal.paid',
  'task.completed',
  'form.submitted',
  'schedule',
  'date',
  'manual',
] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];
export type TriggerEntity = 'contact' | 'company' | 'deal' | 'task';

export interface Trigger {
  type: TriggerType;
  entity?: TriggerEntity;
  pipelineId?: string;
  toStageId?: string;
  taskType?: string;
  formKey?: string;
  /** schedule: minute hour day month weekday */
  cron?: string;
  /** date: a date(time) field path; offsetMinutes relative to it (negative = before) */
  dateField?: string;
  offsetMinutes?: number;
  /** record.updated: only when this field changed (to this value) */
  field?: string;
  changedTo?: unknown;
}

export const CONDITION_OPS = [
  'eq',
  'neq',
  'empty',
  'not_empty',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'not_contains',
  'in',
] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];
export interface Condition {
  field: string;
  op: ConditionOp;
  value?: unknown;
}
export interface ConditionGroup {
  all?: (Condition | { any: Condition[] })[];
  any?: (Condition | { all: Condition[] })[];
}

export const STEP_TYPES = [
  'create_task',
  'update_field',
  'move_stage',
  'notify',
  'send_email',
  'generate_document',
  'wait',
  'wait_until',
  'if',
  'report',
  'webhook',
] as const;
export type StepType = (typeof STEP_TYPES)[number];

export type AssigneeType = 'user' | 'owner' | 'team_round_robin' | 'least_busy' | 'trigger_assignee';
export interface Assignee {
  type: AssigneeType;
  userId?: string;
  teamId?: string;
}
export interface Due {
  type: 'relative' | 'field' | 'sla';
  minutes?: number;
  businessHours?: boolean;
  field?: string;
}
export type RecipientType = 'user' | 'owner' | 'head' | 'assignee';
export interface Recipient {
  type: RecipientType;
  userId?: string;
}

export interface Step {
  type: StepType;
  title?: string;
  body?: string;
  taskType?: string;
  assignee?: Assignee;
  due?: Due;
  field?: string;
  value?: unknown;
  stageId?: string;
  stageKey?: string;
  /** notify/report: a recipient; send_email: 'contact', 'owner' or an address */
  to?: Recipient | string;
  email?: boolean;
  subject?: string;
  kind?: string;
  templateId?: string;
  minutes?: number;
  offsetMinutes?: number;
  conditions?: ConditionGroup;
  /** Any step but if: run it only when these hold at that moment (checked as the step runs), else skip it. */
  onlyIf?: ConditionGroup;
  then?: Step[];
  else?: Step[];
  /** webhook: POST to this http(s) URL, signed with the workflow's secret (never part of the step) */
  url?: string;
  /** webhook: seconds to wait for the answer, 1–30 (server default 10) */
  timeoutSeconds?: number;
}

/** A step's own fields, without its nested branches and conditions (what a step form edits). */
export type StepBase = Omit<Step, 'then' | 'else' | 'conditions' | 'onlyIf'>;

export interface WorkflowInput {
  name: string;
  description?: string | null;
  enabled?: boolean;
  trigger: Trigger;
  conditions?: ConditionGroup | null;
  steps: Step[];
}

export interface Workflow {
  id: string;
  name: string;
  description: string | null;
  enabled: boolean;
  trigger: Trigger;
  conditions: ConditionGroup | null;
  steps: Step[];
  /** Grows when trigger, conditions or steps change; runs finish on the version they started with. */
  definitionVersion: number;
  templateKey: string | null;
  /** Whether the workflow has a secret that signs its webhook calls. */
  webhookSecretSet: boolean;
  /** The signing secret, answered only once: by the save that first adds a webhook step. */
  webhookSecret?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A manual workflow a user may start on a record (GET /workflows/manual). */
export interface ManualWorkflow {
  id: string;
  name: string;
  description: string | null;
  /** null: offered on every kind of record */
  entityType: TriggerEntity | null;
}

export type RunStatus = 'running' | 'waiting' | 'done' | 'failed' | 'canceled';
export interface RunStep {
  path: string;
  type: string;
  status: string;
  output: unknown;
  error: string | null;
  at: string;
}
export interface WorkflowRun {
  id: string;
  workflowId: string;
  workflowVersion: number;
  status: RunStatus;
  trigger: { type?: string; entityType?: string; entityId?: string; data?: Record<string, unknown> } | null;
  entityType: string | null;
  entityId: string | null;
  dealId: string | null;
  error: string | null;
  waitUntil: string | null;
  startedAt: string;
  finishedAt: string | null;
  steps: RunStep[];
}

type Localized = { de: string; en: string };
export interface ProcessTemplate {
  key: string;
  name: Localized;
  description: Localized;
  roles: { key: string; kind: 'user' | 'team'; label: Localized }[];
  settings: Record<string, { default: number; min: number; max: number; label: Localized }>;
}
export interface InstallResult {
  pipelineId: string;
  formKey: string | null;
  workflowIds: string[];
}

export interface DocumentTemplate {
  id: string;
  name: string;
  kind: string;
}

export const workflowsKey = ['workflows'] as const;
export const workflowRunsKey = ['workflow-runs'] as const;
const path = (id: string) => `/workflows/${encodeURIComponent(id)}`;

export function useWorkflows(opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: workflowsKey,
    queryFn: ({ signal }) => fetchAll<Workflow>('/workflows', {}, signal),
    enabled: opts.enabled ?? true,
  });
}

export function useWorkflow(id: string | null) {
  return useQuery({
    queryKey: [...workflowsKey, 'detail', id],
    queryFn: ({ signal }) => api.get<Workflow>(path(id ?? ''), { signal }),
    enabled: id !== null,
  });
}

function useInvalidateWorkflows() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: workflowsKey });
    void qc.invalidateQueries({ queryKey: workflowRunsKey });
  };
}

export function useCreateWorkflow() {
  const invalidate = useInvalidateWorkflows();
  return useMutation({
    // a new workflow without conditions leaves them out (null is only for clearing them on a change)
    mutationFn: ({ conditions, ...input }: WorkflowInput) =>
      api.post<Workflow>('/workflows', conditions ? { ...input, conditions } : input),
    onSuccess: invalidate,
  });
}

export function useUpdateWorkflow() {
  const invalidate = useInvalidateWorkflows();
  return useMutation({
    mutationFn: ({ id, version, changes }: { id: string; version?: number; changes: Partial<WorkflowInput> }) =>
      api.patch<Workflow>(path(id), changes, { ifMatch: version }),
    onSuccess: invalidate,
  });
}

export function useDeleteWorkflow() {
  const invalidate = useInvalidateWorkflows();
  return useMutation({ mutationFn: (id: string) => api.delete(path(id)), onSuccess: invalidate });
}

export type RunTarget = { entityType: TriggerEntity; entityId: string };

/** The body of POST /workflows/:id/run for a record (the one place that knows its shape). */
export function runBody({ entityType, entityId }: RunTarget): RunTarget {
  return { entityType, entityId };
}

/** The enabled manual workflows any user may start on a record of this kind (the record's "Workflow starten"). */
export function useManualWorkflows(entityType: TriggerEntity) {
  return useQuery({
    queryKey: [...workflowsKey, 'manual', entityType],
    queryFn: ({ signal }) => fetchAll<ManualWorkflow>('/workflows/manual', { entityType }, signal),
    staleTime: 60_000,
  });
}

/** Makes a new webhook signing secret; the answer is the only time it is shown. */
export function useRotateWebhookSecret() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ secret: string }>(`${path(id)}/webhook-secret`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: workflowsKey }),
  });
}

/** Runs a workflow now on a record (manual trigger and test run); answers the run with its steps. */
export function useRunWorkflow() {
  const invalidate = useInvalidateWorkflows();
  return useMutation({
    mutationFn: ({ id, target }: { id: string; target: RunTarget }) => api.post<WorkflowRun>(`${path(id)}/run`, runBody(target)),
    onSuccess: invalidate,
  });
}

export interface RunFilters {
  workflowId?: string;
  dealId?: string;
  entityId?: string;
  status?: string;
  limit?: number;
}

export function useWorkflowRuns(filters: RunFilters, opts: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: [...workflowRunsKey, filters],
    queryFn: ({ signal }) => api.get<Page<WorkflowRun>>('/workflow-runs', { query: { limit: 50, ...filters }, signal }),
    select: (page) => page.data,
    refetchInterval: opts.refetchInterval,
  });
}

export function useRetryRun() {
  const invalidate = useInvalidateWorkflows();
  return useMutation({
    mutationFn: (runId: string) => api.post<{ ok: boolean }>(`/workflow-runs/${encodeURIComponent(runId)}/retry`),
    onSuccess: invalidate,
  });
}

export function useWorkflowTemplates() {
  return useQuery({
    queryKey: ['workflow-templates'],
    queryFn: ({ signal }) => fetchAll<ProcessTemplate>('/workflow-templates', {}, signal),
    staleTime: 5 * 60_000,
  });
}

export function useInstallTemplate() {
  const qc = useQueryClient();
  const invalidate = useInvalidateWorkflows();
  return useMutation({
    mutationFn: ({ key, roles, settings }: { key: string; roles: Record<string, string>; settings: Record<string, number> }) =>
      api.post<InstallResult>(`/workflow-templates/${encodeURIComponent(key)}/install`, { roles, settings }),
    onSuccess: () => {
      invalidate();
      // an install creates a pipeline, custom fields and a web form
      void qc.invalidateQueries({ queryKey: ['pipelines'] });
      void qc.invalidateQueries({ queryKey: ['custom-fields'] });
      void qc.invalidateQueries({ queryKey: ['forms'] });
    },
  });
}

export function useDocumentTemplates() {
  return useQuery({
    queryKey: ['document-templates'],
    queryFn: ({ signal }) => fetchAll<DocumentTemplate>('/document-templates', {}, signal),
    staleTime: 60_000,
  });
}

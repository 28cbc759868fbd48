import { type SqlBool, sql, type Transaction } from 'kysely';
import { Type } from 'typebox';
import { type Actor, isAdmin } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { DB, WorkflowRow, WorkflowRunRow } from '../../db/schema.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { versionMismatch } from '../../http/if-match.ts';
import { containsText, type FilterField, type ListSpec, listPage } from '../../http/list.ts';
import { getVisibleCompany } from '../companies/companies.service.ts';
import { getVisibleContact } from '../contacts/contacts.service.ts';
import { getVisibleDeal } from '../deals/deals.service.ts';
import { getVisibleTask } from '../tasks/tasks.service.ts';
import type { Definition } from './definition.ts';
import { setWorkflowSecret } from './triggers.repository.ts';
import { checkTrigger, syncWorkflowSlots } from './triggers.ts';
import { newWebhookSecret, parseWebhookUrl, resolveTarget, WebhookError } from './webhook.ts';

export function presentWorkflow(row: WorkflowRow, shownSecret?: string) {
  const def = JSON.parse(row.definition) as Definition;
  return {
    ...(shownSecret ? { webhookSecret: shownSecret } : {}),
    webhookSecretSet: row.webhookSecret !== null,
    id: row.id,
    name: row.name,
    description: row.description,
    enabled: row.enabled === 1,
    trigger: def.trigger,
    conditions: def.conditions ?? null,
    steps: def.steps,
    definitionVersion: row.definitionVersion,
    templateKey: row.templateKey,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export function assertAdmin(actor: Actor) {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can manage workflows');
}

function checkDefinition(def: Definition): void {
  const walk = (steps: Definition['steps'], path: string) => {
    for (const [i, s] of steps.entries()) {
      const p = `${path}.${i}`;
      const need = (cond: boolean, field: string) => {
        if (!cond)
          throw new AppError('validation_failed', `Step ${p} (${s.type}) needs ${field}`, [
            { path: `${p}.${field}`, message: 'is required' },
          ]);
      };
      if (s.type === 'create_task') need(!!s.title, 'title');
      if (s.type === 'move_stage') need(!!(s.stageId || s.stageKey), 'stageId');
      if (s.type === 'update_field') need(!!s.field, 'field');
      if (s.type === 'notify') need(!!s.to && !!s.title, 'to');
      if (s.type === 'send_email') need(!!s.subject, 'subject');
      if (s.type === 'wait') need(s.minutes !== undefined, 'minutes');
      if (s.type === 'wait_until') need(!!s.field, 'field');
      if (s.type === 'webhook') need(!!s.url, 'url');
      if (s.type === 'if') {
        need(!!s.conditions, 'conditions');
        walk((s.then ?? []) as Definition['steps'], `${p}.then`);
        walk((s.else ?? []) as Definition['steps'], `${p}.else`);
      }
    }
  };
  walk(def.steps, 'steps');
}

function webhookSteps(steps: Definition['steps'], path = 'steps'): { url: string; path: string }[] {
  return steps.flatMap((s, i) => [
    ...(s.type === 'webhook' && s.url ? [{ url: s.url, path: `${path}.${i}.url` }] : []),
    ...webhookSteps((s.then ?? []) as Definition['steps'], `${path}.${i}.then`),
    ...webhookSteps((s.else ?? []) as Definition['steps'], `${path}.${i}.else`),
  ]);
}

/** Checks trigger settings and refuses webhook targets that are not public (SSRF) before anything is written. */
async function checkBeforeSave(ctx: Ctx, def: Definition): Promise<void> {
  await checkTrigger(ctx.db, def);
  for (const hook of webhookSteps(def.steps)) {
    try {
      await resolveTarget(parseWebhookUrl(hook.url), { allowPrivate: ctx.config.webhookAllowPrivate });
    } catch (err) {
      if (!(err instanceof WebhookError)) throw err;
      throw new AppError('unprocessable', `Webhook URL ${err.message}`, [{ path: hook.path, message: err.message }]);
    }
  }
}

/** A workflow that calls webhooks gets a signing secret; the new one is answered once, never shown again. */
async function ensureSecret(db: Ctx['db'], row: WorkflowRow): Promise<string | undefined> {
  if (row.webhookSecret || webhookSteps((JSON.parse(row.definition) as Definition).steps).length === 0) return undefined;
  const secret = newWebhookSecret();
  await setWorkflowSecret(db, row.id, secret);
  return secret;
}

export const RecordTypeSchema = Type.Union([
  Type.Literal('contact'),
  Type.Literal('company'),
  Type.Literal('deal'),
  Type.Literal('task'),
]);
const triggerEntity = sql`json_extract(workflows.definition, '$.trigger.entity')`;

/** Workflows by name; one page holds 200. entityType also matches workflows whose trigger names no record type. */
export const WORKFLOW_LIST: ListSpec = {
  defaultSort: 'name',
  defaultLimit: 200,
  idColumn: 'workflows.id',
  sortable: {
    name: { expr: sql`lower(workflows.name)` },
    createdAt: { expr: 'workflows.createdAt' },
    updatedAt: { expr: 'workflows.updatedAt' },
  },
  filters: {
    trigger: {
      expr: 'workflows.triggerType',
      schema: Type.String({ maxLength: 40, description: 'Only this trigger type, e.g. manual' }),
    },
    entityType: {
      expr: triggerEntity,
      schema: RecordTypeSchema,
      where: (value) => sql<SqlBool>`(${triggerEntity} IS NULL OR ${triggerEntity} = ${String(value)})`,
    },
    enabled: { expr: 'workflows.enabled', kind: 'bool', schema: Type.Boolean() },
    templateKey: {
      expr: 'workflows.templateKey',
      kind: 'nullable',
      schema: Type.String({ maxLength: 64, description: 'null for none' }),
    },
  },
  search: containsText('workflows.name'),
};

export async function listWorkflows(ctx: Ctx, query: Record<string, unknown>) {
  const page = await listPage(ctx.db.selectFrom('workflows').selectAll(), WORKFLOW_LIST, query);
  return { data: page.rows.map((row) => presentWorkflow(row)), nextCursor: page.nextCursor };
}

/** The manual workflows list: entityType is required. */
export const MANUAL_WORKFLOW_LIST: ListSpec = {
  ...WORKFLOW_LIST,
  filters: { entityType: WORKFLOW_LIST.filters.entityType as FilterField },
};

/** The enabled manual workflows a user may start on a record of this type (the buttons on the record). */
export async function listManualWorkflows(ctx: Ctx, query: Record<string, unknown>) {
  const manual = ctx.db.selectFrom('workflows').selectAll().where('triggerType', '=', 'manual').where('enabled', '=', 1);
  const page = await listPage(manual, MANUAL_WORKFLOW_LIST, query);
  return {
    data: page.rows.map((row) => {
      const w = presentWorkflow(row);
      return { id: w.id, name: w.name, description: w.description, entityType: w.trigger.entity ?? null };
    }),
    nextCursor: page.nextCursor,
  };
}

type RecordType = 'contact' | 'company' | 'deal' | 'task';

/**
 * Which record a manual run works on. Anyone may start an enabled manual workflow on a record they can
 * see (what they cannot see answers 404); only an admin may test-run other workflows.
 */
export async function manualTarget(
  ctx: Ctx,
  actor: Actor,
  id: string,
  body: { entityType?: RecordType; entityId?: string; dealId?: string; contactId?: string },
): Promise<{ entityType: RecordType; entityId: string }> {
  const wf = await getWorkflow(ctx, id);
  const trigger = (JSON.parse(wf.definition) as Definition).trigger;
  if (!isAdmin(actor) && (wf.triggerType !== 'manual' || wf.enabled !== 1)) throw notFound('Workflow');
  const entityType: RecordType | undefined = body.entityType ?? (body.dealId ? 'deal' : body.contactId ? 'contact' : undefined);
  const entityId = body.entityId ?? body.dealId ?? body.contactId;
  if (!entityType || !entityId)
    throw new AppError('validation_failed', 'Name the record to run on', [
      { path: 'entityId', message: 'entityType and entityId are required' },
    ]);
  if (wf.triggerType === 'manual' && trigger.entity && trigger.entity !== entityType)
    throw new AppError('unprocessable', `This workflow runs on ${trigger.entity} records`, [
      { path: 'entityType', message: `must be ${trigger.entity}` },
    ]);
  const visible = { deal: getVisibleDeal, contact: getVisibleContact, company: getVisibleCompany, task: getVisibleTask }[
    entityType
  ];
  await visible(ctx, actor, entityId);
  return { entityType, entityId };
}

/** Rotates a workflow's webhook signing secret; the answer is the only time it is shown. */
export async function rotateSecret(ctx: Ctx, actor: Actor, id: string): Promise<string> {
  assertAdmin(actor);
  await getWorkflow(ctx, id);
  const secret = newWebhookSecret();
  await setWorkflowSecret(ctx.db, id, secret);
  return secret;
}

/** Deletes a workflow, its run log and its pending time slots. */
export async function deleteWorkflow(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  assertAdmin(actor);
  const wf = await getWorkflow(ctx, id);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await syncWorkflowSlots(trx, { ...wf, enabled: 0 }, now);
    await trx.deleteFrom('workflows').where('id', '=', id).execute();
  });
}

export async function getWorkflow(ctx: Pick<Ctx, 'db'>, id: string): Promise<WorkflowRow> {
  const row = await ctx.db.selectFrom('workflows').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Workflow');
  return row;
}

/** Stores a workflow and its first version (used by the API and by template installs). */
export async function insertWorkflow(
  db: Ctx['db'],
  input: { name: string; description?: string | null; enabled?: boolean; definition: Definition; templateKey?: string | null },
  now: string,
): Promise<string> {
  checkDefinition(input.definition);
  const id = newId();
  const definition = JSON.stringify(input.definition);
  await db
    .insertInto('workflows')
    .values({
      id,
      name: input.name.trim(),
      description: input.description ?? null,
      enabled: input.enabled === false ? 0 : 1,
      definition,
      definitionVersion: 1,
      triggerType: input.definition.trigger.type,
      templateKey: input.templateKey ?? null,
      webhookSecret: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  await db.insertInto('workflowVersions').values({ workflowId: id, version: 1, definition, createdAt: now }).execute();
  const row = await db.selectFrom('workflows').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  await syncWorkflowSlots(db as unknown as Transaction<DB>, row, now);
  return id;
}

export async function createWorkflow(
  ctx: Ctx,
  actor: Actor,
  input: {
    name: string;
    description?: string | null;
    enabled?: boolean;
    trigger: Definition['trigger'];
    conditions?: Definition['conditions'];
    steps: Definition['steps'];
  },
) {
  assertAdmin(actor);
  const definition = { trigger: input.trigger, conditions: input.conditions, steps: input.steps };
  checkDefinition(definition);
  await checkBeforeSave(ctx, definition);
  const now = ctx.clock.now().toISOString();
  const { id, secret } = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertWorkflow(trx as unknown as Ctx['db'], { ...input, definition }, now);
    const row = await trx.selectFrom('workflows').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { id, secret: await ensureSecret(trx as unknown as Ctx['db'], row) };
  });
  return presentWorkflow(await getWorkflow(ctx, id), secret);
}

/** Changing trigger, conditions or steps makes a new version; running instances finish on theirs. */
export async function updateWorkflow(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: Partial<{
    name: string;
    description: string | null;
    enabled: boolean;
    trigger: Definition['trigger'];
    conditions: Definition['conditions'] | null;
    steps: Definition['steps'];
  }>,
  expected?: number,
) {
  assertAdmin(actor);
  const current = await getWorkflow(ctx, id);
  const old = JSON.parse(current.definition) as Definition;
  const definitionChanged = input.trigger !== undefined || input.conditions !== undefined || input.steps !== undefined;
  const def: Definition = {
    trigger: input.trigger ?? old.trigger,
    conditions: input.conditions === null ? undefined : (input.conditions ?? old.conditions),
    steps: input.steps ?? old.steps,
  };
  if (definitionChanged) {
    checkDefinition(def);
    await checkBeforeSave(ctx, def);
  }
  const now = ctx.clock.now().toISOString();
  const secret = await ctx.db.transaction().execute(async (trx) => {
    let q = trx
      .updateTable('workflows')
      .set({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled ? 1 : 0 } : {}),
        ...(definitionChanged
          ? { definition: JSON.stringify(def), definitionVersion: current.definitionVersion + 1, triggerType: def.trigger.type }
          : {}),
        updatedAt: now,
        version: sql`version + 1` as unknown as number,
      })
      .where('id', '=', id);
    if (expected !== undefined) q = q.where('version', '=', expected);
    if (Number((await q.executeTakeFirst()).numUpdatedRows) === 0) throw versionMismatch(current.version);
    if (definitionChanged)
      await trx
        .insertInto('workflowVersions')
        .values({ workflowId: id, version: current.definitionVersion + 1, definition: JSON.stringify(def), createdAt: now })
        .execute();
    const row = await trx.selectFrom('workflows').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (definitionChanged || input.enabled !== undefined) await syncWorkflowSlots(trx, row, now);
    return ensureSecret(trx as unknown as Ctx['db'], row);
  });
  return presentWorkflow(await getWorkflow(ctx, id), secret);
}

const Ref = Type.String({ maxLength: 64 });

/** Workflow runs, newest first. */
export const RUN_LIST: ListSpec = {
  defaultSort: '-startedAt',
  idColumn: 'workflowRuns.id',
  sortable: {
    startedAt: { expr: 'workflowRuns.startedAt' },
    finishedAt: { expr: 'workflowRuns.finishedAt' },
    updatedAt: { expr: 'workflowRuns.updatedAt' },
  },
  filters: {
    workflowId: { expr: 'workflowRuns.workflowId', schema: Ref },
    dealId: { expr: 'workflowRuns.dealId', schema: Ref },
    entityType: { expr: 'workflowRuns.entityType', schema: RecordTypeSchema },
    entityId: { expr: 'workflowRuns.entityId', schema: Ref },
    status: {
      expr: 'workflowRuns.status',
      schema: Type.Union(['running', 'waiting', 'done', 'failed', 'canceled'].map((s) => Type.Literal(s))),
    },
  },
};

export async function listRuns(ctx: Ctx, query: Record<string, unknown>) {
  const page = await listPage(ctx.db.selectFrom('workflowRuns').selectAll(), RUN_LIST, query);
  return { data: await withSteps(ctx, page.rows), nextCursor: page.nextCursor };
}

export async function getRun(ctx: Ctx, id: string) {
  const [run] = await withSteps(ctx, await ctx.db.selectFrom('workflowRuns').selectAll().where('id', '=', id).execute());
  if (!run) throw notFound('Run');
  return run;
}

async function withSteps(ctx: Ctx, runs: WorkflowRunRow[]) {
  const steps = runs.length
    ? await ctx.db
        .selectFrom('workflowRunSteps')
        .selectAll()
        .where(
          'runId',
          'in',
          runs.map((r) => r.id),
        )
        .orderBy('at')
        .orderBy('id')
        .execute()
    : [];
  return runs.map((r) => ({
    id: r.id,
    workflowId: r.workflowId,
    workflowVersion: r.workflowVersion,
    status: r.status,
    trigger: JSON.parse(r.trigger),
    entityType: r.entityType,
    entityId: r.entityId,
    dealId: r.dealId,
    error: r.error,
    waitUntil: r.waitUntil,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
    steps: steps
      .filter((s) => s.runId === r.id)
      .map((s) => ({
        path: s.path,
        type: s.type,
        status: s.status,
        output: s.output ? JSON.parse(s.output) : null,
        error: s.error,
        at: s.at,
      })),
  }));
}

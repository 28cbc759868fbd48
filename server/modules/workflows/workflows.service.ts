import { sql } from 'kysely';
import { type Actor, isAdmin } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { WorkflowRow } from '../../db/schema.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { versionMismatch } from '../../http/if-match.ts';
import type { Definition } from './definition.ts';

export function presentWorkflow(row: WorkflowRow) {
  const def = JSON.parse(row.definition) as Definition;
  return {
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
      if (s.type === 'if') {
        need(!!s.conditions, 'conditions');
        walk((s.then ?? []) as Definition['steps'], `${p}.then`);
        walk((s.else ?? []) as Definition['steps'], `${p}.else`);
      }
    }
  };
  walk(def.steps, 'steps');
}

export async function listWorkflows(ctx: Ctx) {
  return (await ctx.db.selectFrom('workflows').selectAll().orderBy(sql`lower(name)`).execute()).map(presentWorkflow);
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
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  await db.insertInto('workflowVersions').values({ workflowId: id, version: 1, definition, createdAt: now }).execute();
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
  const now = ctx.clock.now().toISOString();
  const id = await ctx.db
    .transaction()
    .execute((trx) =>
      insertWorkflow(
        trx as unknown as Ctx['db'],
        { ...input, definition: { trigger: input.trigger, conditions: input.conditions, steps: input.steps } },
        now,
      ),
    );
  return presentWorkflow(await getWorkflow(ctx, id));
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
  if (definitionChanged) checkDefinition(def);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
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
  });
  return presentWorkflow(await getWorkflow(ctx, id));
}

export async function listRuns(
  ctx: Ctx,
  filters: { workflowId?: string; dealId?: string; entityId?: string; status?: string; limit: number },
) {
  let q = ctx.db.selectFrom('workflowRuns').selectAll().orderBy('startedAt', 'desc').orderBy('id', 'desc').limit(filters.limit);
  if (filters.workflowId) q = q.where('workflowId', '=', filters.workflowId);
  if (filters.dealId) q = q.where('dealId', '=', filters.dealId);
  if (filters.entityId) q = q.where('entityId', '=', filters.entityId);
  if (filters.status) q = q.where('status', '=', filters.status as never);
  const runs = await q.execute();
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

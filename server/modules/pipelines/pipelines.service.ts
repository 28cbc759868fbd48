import { type Actor, isAdmin } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { PipelineRow, StageRow } from '../../db/schema.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import { versionMismatch } from '../../http/if-match.ts';
import { listPage } from '../../http/list.ts';
import { listDefinitions } from '../custom-fields/custom-fields.repository.ts';
import * as repo from './pipelines.repository.ts';
import type { CreatePipeline, Pipeline, Stage, StageInput, UpdatePipeline } from './pipelines.schemas.ts';

/** Deal fields a stage may require before a deal enters it (plus customFields.<key>). */
export const GATE_FIELDS = ['amountCents', 'expectedCloseDate', 'contactId', 'companyId', 'lineItems', 'source'];

export function presentStage(row: StageRow): Stage {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    position: row.position,
    probability: row.probability,
    kind: row.kind,
    timeLimitDays: row.timeLimitDays,
    requiredFields: JSON.parse(row.requiredFields),
  };
}

function presentPipeline(row: PipelineRow, stages: StageRow[]): Pipeline {
  return {
    id: row.id,
    name: row.name,
    isDefault: row.isDefault === 1,
    position: row.position,
    templateKey: row.templateKey,
    stages: stages.filter((s) => s.pipelineId === row.id).map(presentStage),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export async function listPipelines(ctx: Ctx, query: Record<string, unknown>) {
  const page = await listPage(ctx.db.selectFrom('pipelines').selectAll(), repo.PIPELINE_LIST, query);
  const stages = await repo.stagesOf(
    ctx.db,
    page.rows.map((r) => r.id),
  );
  return { data: page.rows.map((r) => presentPipeline(r, stages)), nextCursor: page.nextCursor };
}

export async function getPipeline(ctx: Ctx, id: string): Promise<Pipeline> {
  const row = await repo.findPipeline(ctx.db, id);
  if (!row) throw notFound('Pipeline');
  return presentPipeline(row, await repo.stagesOf(ctx.db, [id]));
}

async function checkStages(ctx: Ctx, stages: StageInput[]): Promise<void> {
  const dealKeys = new Set((await listDefinitions(ctx.db, 'deal')).map((d) => `customFields.${d.key}`));
  const errors = [];
  for (const [i, s] of stages.entries()) {
    for (const field of s.requiredFields ?? []) {
      if (!GATE_FIELDS.includes(field) && !dealKeys.has(field))
        errors.push({ path: `stages.${i}.requiredFields`, message: `unknown deal field ${field}` });
    }
  }
  if (!stages.some((s) => (s.kind ?? 'open') === 'open'))
    errors.push({ path: 'stages', message: 'needs at least one open stage' });
  if (errors.length > 0) throw new AppError('validation_failed', errors.map((e) => e.message).join('; '), errors);
}

function stageRow(pipelineId: string, s: StageInput, position: number, now: string): StageRow {
  return {
    id: newId(),
    pipelineId,
    key: null,
    name: s.name.trim(),
    position,
    probability: s.probability ?? (s.kind === 'won' ? 100 : 0),
    kind: s.kind ?? 'open',
    timeLimitDays: s.timeLimitDays ?? null,
    requiredFields: JSON.stringify(s.requiredFields ?? []),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
}

const DEFAULT_NEW_STAGES: StageInput[] = [
  { name: 'Neu', probability: 10 },
  { name: 'In Arbeit', probability: 50 },
  { name: 'Gewonnen', kind: 'won', probability: 100 },
  { name: 'Verloren', kind: 'lost', probability: 0 },
];

export async function createPipeline(ctx: Ctx, actor: Actor, input: CreatePipeline): Promise<Pipeline> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can create pipelines');
  const stages = input.stages ?? DEFAULT_NEW_STAGES;
  await checkStages(ctx, stages);
  const now = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const first = !(await repo.findDefaultPipeline(trx));
    await repo.insertPipeline(trx, {
      id,
      name: input.name.trim(),
      isDefault: input.isDefault || first ? 1 : 0,
      position: 0,
      templateKey: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    if (input.isDefault) await repo.clearDefault(trx, id);
    for (const [i, s] of stages.entries()) await repo.insertStage(trx, stageRow(id, s, s.position ?? i, now));
  });
  return getPipeline(ctx, id);
}

/**
 * Renames, makes default, and edits the stage list: stages with an id change, new ones are added,
 * missing ones are deleted if they hold no deals (otherwise 409: move the deals first).
 */
export async function updatePipeline(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: UpdatePipeline,
  expected?: number,
): Promise<Pipeline> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can change pipelines');
  const current = await repo.findPipeline(ctx.db, id);
  if (!current) throw notFound('Pipeline');
  if (input.stages) await checkStages(ctx, input.stages);
  const now = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const changes: Partial<PipelineRow> = {};
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.isDefault !== undefined) changes.isDefault = input.isDefault ? 1 : 0;
    if (input.position !== undefined) changes.position = input.position;
    if (!(await repo.updatePipeline(trx, id, changes, now, expected))) throw versionMismatch(current.version);
    if (input.isDefault) await repo.clearDefault(trx, id);
    if (!input.stages) return;
    const existing = await repo.stagesOf(trx, [id]);
    const keptIds = new Set(input.stages.map((s) => s.id).filter(Boolean));
    for (const s of input.stages) {
      if (s.id && !existing.some((e) => e.id === s.id)) {
        throw new AppError('unprocessable', 'A stage belongs to another pipeline', [
          { path: 'stages', message: `unknown stage ${s.id}` },
        ]);
      }
    }
    const removed = existing.filter((e) => !keptIds.has(e.id));
    if (
      (await repo.countDealsInStages(
        trx,
        removed.map((r) => r.id),
      )) > 0
    ) {
      throw conflict('A stage to be deleted still holds deals; move them first', [
        { path: 'stages', message: 'stage holds deals' },
      ]);
    }
    for (const r of removed) await repo.deleteStage(trx, r.id);
    for (const [i, s] of input.stages.entries()) {
      const position = s.position ?? i;
      if (!s.id) {
        await repo.insertStage(trx, stageRow(id, s, position, now));
        continue;
      }
      const old = existing.find((e) => e.id === s.id) as StageRow;
      const patch: Partial<StageRow> = { name: s.name.trim(), position };
      if (s.name.trim() !== old.name) patch.key = null;
      if (s.probability !== undefined) patch.probability = s.probability;
      if (s.kind !== undefined) patch.kind = s.kind;
      if (s.timeLimitDays !== undefined) patch.timeLimitDays = s.timeLimitDays;
      if (s.requiredFields !== undefined) patch.requiredFields = JSON.stringify(s.requiredFields);
      await repo.updateStage(trx, old.id, patch, now);
    }
  });
  return getPipeline(ctx, id);
}

async function resolveMoveTarget(ctx: Ctx, moveTo: string | undefined, not: string[]): Promise<StageRow | null> {
  if (!moveTo) return null;
  const stage = await repo.findStage(ctx.db, moveTo);
  if (!stage || not.includes(stage.id)) {
    throw new AppError('unprocessable', 'The stage to move the deals to does not exist', [
      { path: 'moveTo', message: 'unknown stage' },
    ]);
  }
  return stage;
}

/** Deletes a stage, first moving its deals to `moveTo` when it has any. */
export async function deleteStage(
  ctx: Ctx,
  actor: Actor,
  pipelineId: string,
  stageId: string,
  moveTo?: string,
): Promise<string[]> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can change pipelines');
  const stage = await repo.findStage(ctx.db, stageId);
  if (!stage || stage.pipelineId !== pipelineId) throw notFound('Stage');
  const stages = await repo.stagesOf(ctx.db, [pipelineId]);
  if (stages.filter((s) => s.kind === 'open' && s.id !== stageId).length === 0) {
    throw conflict('A pipeline needs at least one open stage');
  }
  const target = await resolveMoveTarget(ctx, moveTo, [stageId]);
  const now = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    if ((await repo.countDealsInStages(trx, [stageId])) > 0 && !target) {
      throw conflict('The stage still holds deals; give moveTo', [
        { path: 'moveTo', message: 'required while the stage holds deals' },
      ]);
    }
    const moved = target ? await repo.moveDeals(trx, [stageId], target, now) : [];
    await repo.deleteStage(trx, stageId);
    return moved;
  });
}

/** Deletes a pipeline, first moving its deals into the stage `moveTo` of another pipeline. */
export async function deletePipeline(ctx: Ctx, actor: Actor, id: string, moveTo?: string): Promise<string[]> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can delete pipelines');
  const current = await repo.findPipeline(ctx.db, id);
  if (!current) throw notFound('Pipeline');
  const stages = await repo.stagesOf(ctx.db, [id]);
  const target = await resolveMoveTarget(
    ctx,
    moveTo,
    stages.map((s) => s.id),
  );
  const now = isoNow(ctx.clock);
  return ctx.db.transaction().execute(async (trx) => {
    const ids = stages.map((s) => s.id);
    if ((await repo.countDealsInStages(trx, ids)) > 0 && !target) {
      throw conflict('The pipeline still holds deals; give moveTo (a stage of another pipeline)', [
        { path: 'moveTo', message: 'required while the pipeline holds deals' },
      ]);
    }
    const moved = target ? await repo.moveDeals(trx, ids, target, now) : [];
    await repo.deletePipeline(trx, id);
    if (current.isDefault) {
      const next = await repo.findDefaultPipeline(trx);
      if (next) await repo.updatePipeline(trx, next.id, { isDefault: 1 }, now);
    }
    return moved;
  });
}

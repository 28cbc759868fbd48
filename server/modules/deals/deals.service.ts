import type { Transaction } from 'kysely';
import { assertCanAssignOwner, assertOwnerSide } from '../../core/access.ts';
import type { Actor } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import type { Cause, EventType } from '../../core/events.ts';
import { newId } from '../../core/ids.ts';
import { cleanTags, optionalText, parseCustom, parseTags } from '../../core/record-fields.ts';
import { rowChanges } from '../../core/row-changes.ts';
import { type AfterCommit, inTransaction } from '../../core/tx.ts';
import type { DB, DealRow, StageRow } from '../../db/schema.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { versionMismatch } from '../../http/if-match.ts';
import { parseListParams } from '../../http/list.ts';
import { sortFieldsFor } from '../../http/record-query.ts';
import { findVisibleCompany } from '../companies/companies.repository.ts';
import { findVisibleContact } from '../contacts/contacts.repository.ts';
import { listDefinitions } from '../custom-fields/custom-fields.repository.ts';
import { validateCustomValues } from '../custom-fields/custom-fields.values.ts';
import { findDefaultPipeline, findPipeline, findStage, stagesOf } from '../pipelines/pipelines.repository.ts';
import { publish } from '../scheduler/publish.ts';
import { diffRecords, recordChange } from '../timeline/changes.repository.ts';
import { recomputeDealMoney } from './deal-totals.ts';
import * as repo from './deals.repository.ts';
import type { CreateDeal, Deal, UpdateDeal } from './deals.schemas.ts';
import { assertStageRequirements, missingForStage } from './stage-rules.ts';

export function presentDeal(row: repo.DealWithNames): Deal {
  return {
    id: row.id,
    title: row.title,
    pipelineId: row.pipelineId,
    stageId: row.stageId,
    contactId: row.contactId,
    contactName: row.contactName,
    companyId: row.companyId,
    companyName: row.companyName,
    ownerId: row.ownerId,
    amountCents: row.amountCents,
    currency: row.currency,
    taxRate: row.taxRate,
    taxCents: row.taxCents,
    grossCents: row.grossCents,
    hasLineItems: row.hasLineItems === 1,
    paidCents: row.paidCents,
    paidAt: row.paidAt,
    expectedCloseDate: row.expectedCloseDate,
    status: row.status,
    lostReason: row.lostReason,
    closedAt: row.closedAt,
    stageEnteredAt: row.stageEnteredAt,
    source: row.source,
    tags: parseTags(row.tags),
    customFields: parseCustom(row.customFields),
    externalId: row.externalId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** The fields a deal's timeline shows changes of (PATCH and the deal import). */
export const DEAL_TRACKED_FIELDS = [
  'title',
  'contactId',
  'companyId',
  'ownerId',
  'amountCents',
  'currency',
  'taxRate',
  'expectedCloseDate',
  'lostReason',
  'source',
  'tags',
  'customFields',
  'externalId',
];

export async function listDeals(
  ctx: Ctx,
  actor: Actor,
  query: Record<string, unknown> & { limit?: number; cursor?: string; sort?: string },
) {
  const defs = await listDefinitions(ctx.db, 'deal');
  const sortable = sortFieldsFor(repo.DEAL_LIST, defs);
  const params = parseListParams(query, sortable, '-updatedAt');
  const page = await repo.listDeals(ctx.db, actor, defs, query, params, sortable);
  return { data: page.rows.map(presentDeal), nextCursor: page.nextCursor };
}

/** A deal the actor may see; anything else is a 404. */
export async function getVisibleDeal(ctx: Ctx, actor: Actor, id: string): Promise<repo.DealWithNames> {
  const row = await repo.findVisibleDeal(ctx.db, actor, id);
  if (!row) throw notFound('Deal');
  return row;
}

async function resolveStage(
  ctx: Ctx,
  pipelineId: string | undefined,
  stageId: string | undefined,
  fallbackPipeline?: string,
): Promise<StageRow> {
  if (stageId) {
    const stage = await findStage(ctx.db, stageId);
    if (!stage || (pipelineId && stage.pipelineId !== pipelineId)) {
      throw new AppError('unprocessable', 'The stage does not belong to the pipeline', [
        { path: 'stageId', message: 'unknown stage' },
      ]);
    }
    return stage;
  }
  const pid = pipelineId ?? fallbackPipeline ?? (await findDefaultPipeline(ctx.db))?.id;
  const pipeline = pid ? await findPipeline(ctx.db, pid) : undefined;
  if (!pipeline)
    throw new AppError('unprocessable', 'The pipeline does not exist', [{ path: 'pipelineId', message: 'unknown pipeline' }]);
  const first = (await stagesOf(ctx.db, [pipeline.id])).find((s) => s.kind === 'open');
  if (!first)
    throw new AppError('unprocessable', 'The pipeline has no open stage', [{ path: 'pipelineId', message: 'no open stage' }]);
  return first;
}

async function stageForStatus(ctx: Ctx, pipelineId: string, status: Deal['status'], current: StageRow): Promise<StageRow> {
  if (status === current.kind) return current;
  const stages = await stagesOf(ctx.db, [pipelineId]);
  const candidates = stages.filter((s) => s.kind === status);
  const target = status === 'open' ? candidates.at(-1) : candidates[0];
  if (!target)
    throw new AppError('unprocessable', `The pipeline has no ${status} stage`, [
      { path: 'status', message: `no ${status} stage` },
    ]);
  return target;
}

async function assertLinks(ctx: Ctx, actor: Actor, contactId: string | null | undefined, companyId: string | null | undefined) {
  if (contactId && !(await findVisibleContact(ctx.db, actor, contactId))) {
    throw new AppError('unprocessable', 'The contact does not exist', [{ path: 'contactId', message: 'unknown contact' }]);
  }
  if (companyId && !(await findVisibleCompany(ctx.db, actor, companyId))) {
    throw new AppError('unprocessable', 'The company does not exist', [{ path: 'companyId', message: 'unknown company' }]);
  }
}

function publishDeal(
  trx: Transaction<DB>,
  ctx: Ctx,
  after: AfterCommit,
  type: EventType,
  deal: DealRow,
  actorId: string | null,
  data: Record<string, unknown> = {},
): Promise<void> {
  return publish(trx, ctx, after, {
    type,
    entityType: 'deal',
    entityId: deal.id,
    actorId,
    at: isoNow(ctx.clock),
    data: {
      ownerId: deal.ownerId,
      pipelineId: deal.pipelineId,
      stageId: deal.stageId,
      status: deal.status,
      contactId: deal.contactId,
      ...data,
    },
  });
}

export interface DealChangeOptions {
  /** The payments first reached the gross amount with this change. */
  becamePaid?: boolean;
  /** Made by a workflow run (chains of runs stop at a depth limit). */
  causedBy?: Cause;
}

/** The events of a change, published inside its transaction: created/updated, stage_changed, won, lost, paid. */
export async function publishDealChange(
  trx: Transaction<DB>,
  ctx: Ctx,
  after: AfterCommit,
  before: DealRow | null,
  row: DealRow,
  actorId: string | null,
  opts: DealChangeOptions = {},
): Promise<void> {
  const cause = opts.causedBy ? { causedBy: opts.causedBy } : {};
  const changed = before ? { changes: rowChanges(before, row) } : {};
  await publishDeal(trx, ctx, after, before ? 'deal.updated' : 'deal.created', row, actorId, { ...changed, ...cause });
  if (before && before.stageId !== row.stageId)
    await publishDeal(trx, ctx, after, 'deal.stage_changed', row, actorId, {
      fromStageId: before.stageId,
      toStageId: row.stageId,
      ...cause,
    });
  if (row.status !== before?.status && row.status === 'won') await publishDeal(trx, ctx, after, 'deal.won', row, actorId, cause);
  if (row.status !== before?.status && row.status === 'lost')
    await publishDeal(trx, ctx, after, 'deal.lost', row, actorId, { lostReason: row.lostReason, ...cause });
  if (opts.becamePaid)
    await publishDeal(trx, ctx, after, 'deal.paid', row, actorId, {
      paidCents: row.paidCents,
      grossCents: row.grossCents,
      ...cause,
    });
}

export async function createDeal(ctx: Ctx, actor: Actor, input: CreateDeal): Promise<Deal> {
  const stage = await resolveStage(ctx, input.pipelineId, input.stageId);
  const ownerId = input.ownerId ?? actor.userId;
  await assertCanAssignOwner(ctx.db, actor, ownerId);
  await assertLinks(ctx, actor, input.contactId, input.companyId);
  let companyId = input.companyId ?? null;
  if (!companyId && input.contactId) companyId = (await findVisibleContact(ctx.db, actor, input.contactId))?.companyId ?? null;
  const customFields = validateCustomValues(await listDefinitions(ctx.db, 'deal'), input.customFields);
  const now = isoNow(ctx.clock);
  const lostReason = optionalText(input.lostReason) ?? null;
  const row: DealRow = {
    id: newId(),
    title: input.title.trim(),
    pipelineId: stage.pipelineId,
    stageId: stage.id,
    contactId: input.contactId ?? null,
    companyId,
    ownerId,
    amountCents: input.amountCents ?? 0,
    currency: input.currency ?? 'EUR',
    taxRate: input.taxRate ?? 19,
    taxCents: 0,
    grossCents: 0,
    hasLineItems: 0,
    paidCents: 0,
    paidAt: null,
    expectedCloseDate: input.expectedCloseDate ?? null,
    status: stage.kind,
    lostReason: stage.kind === 'lost' ? lostReason : null,
    closedAt: stage.kind === 'open' ? null : now,
    stageEnteredAt: now,
    source: optionalText(input.source) ?? null,
    tags: JSON.stringify(cleanTags(input.tags ?? [])),
    customFields: JSON.stringify(customFields),
    externalId: optionalText(input.externalId) ?? null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  assertStageRequirements(stage, missingForStage(stage, row, 0));
  await inTransaction(ctx, async (trx, after) => {
    if (
      row.externalId &&
      (await trx.selectFrom('deals').select('id').where('externalId', '=', row.externalId).executeTakeFirst())
    ) {
      throw new AppError('conflict', 'Another deal has this external id', [{ path: 'externalId', message: 'already in use' }]);
    }
    await repo.insertDeal(trx, row);
    await repo.insertStageChange(trx, {
      id: newId(),
      dealId: row.id,
      pipelineId: row.pipelineId,
      fromStageId: null,
      toStageId: row.stageId,
      userId: actor.userId,
      at: now,
      secondsInPrevious: null,
    });
    await recordChange(trx, { entityType: 'deal', entityId: row.id, userId: actor.userId, action: 'created', at: now });
    const created = (await recomputeDealMoney(trx, row, now, { partOfChange: true })).row;
    await publishDealChange(trx, ctx, after, null, created, actor.userId);
  });
  return presentDeal(await getVisibleDeal(ctx, actor, row.id));
}

/** Changes a deal; a new stageId moves it (stage gates, lost reason, history, events). */
export async function updateDeal(ctx: Ctx, actor: Actor, id: string, input: UpdateDeal, expected?: number): Promise<Deal> {
  const current = await getVisibleDeal(ctx, actor, id);
  if (expected !== undefined && expected !== current.version) throw versionMismatch(current.version, presentDeal(current));
  if (input.ownerId !== undefined && input.ownerId !== current.ownerId) {
    await assertOwnerSide(ctx.db, actor, current.ownerId, 'reassign');
    await assertCanAssignOwner(ctx.db, actor, input.ownerId);
  }
  await assertLinks(
    ctx,
    actor,
    input.contactId !== current.contactId ? input.contactId : undefined,
    input.companyId !== current.companyId ? input.companyId : undefined,
  );
  if (input.amountCents !== undefined && current.hasLineItems === 1 && input.amountCents !== current.amountCents) {
    throw new AppError('unprocessable', 'The amount follows the line items; change those instead', [
      { path: 'amountCents', message: 'set by line items' },
    ]);
  }
  const currentStage = (await findStage(ctx.db, current.stageId)) as StageRow;
  let stage = currentStage;
  if (input.stageId !== undefined || (input.pipelineId !== undefined && input.pipelineId !== current.pipelineId)) {
    stage = await resolveStage(ctx, input.pipelineId, input.stageId, input.pipelineId);
  }
  if (input.status !== undefined && input.stageId === undefined)
    stage = await stageForStatus(ctx, stage.pipelineId, input.status, stage);

  const changes: Partial<DealRow> = {};
  if (input.title !== undefined) changes.title = input.title.trim();
  if (input.contactId !== undefined) changes.contactId = input.contactId;
  if (input.companyId !== undefined) changes.companyId = input.companyId;
  if (input.ownerId !== undefined) changes.ownerId = input.ownerId;
  if (input.amountCents !== undefined) changes.amountCents = input.amountCents;
  if (input.currency !== undefined) changes.currency = input.currency;
  if (input.taxRate !== undefined) changes.taxRate = input.taxRate;
  if (input.expectedCloseDate !== undefined) changes.expectedCloseDate = input.expectedCloseDate;
  if (input.source !== undefined) changes.source = optionalText(input.source) ?? null;
  if (input.tags !== undefined) changes.tags = JSON.stringify(cleanTags(input.tags));
  if (input.externalId !== undefined) changes.externalId = optionalText(input.externalId) ?? null;
  if (input.lostReason !== undefined) changes.lostReason = optionalText(input.lostReason) ?? null;
  if (input.customFields !== undefined) {
    const defs = await listDefinitions(ctx.db, 'deal');
    changes.customFields = JSON.stringify(validateCustomValues(defs, input.customFields, parseCustom(current.customFields)));
  }
  const now = isoNow(ctx.clock);
  const moving = stage.id !== current.stageId;
  if (moving) {
    Object.assign(changes, { stageId: stage.id, pipelineId: stage.pipelineId, status: stage.kind, stageEnteredAt: now });
    if (stage.kind !== currentStage.kind) changes.closedAt = stage.kind === 'open' ? null : now;
    if (stage.kind !== 'lost') changes.lostReason = null;
    const merged = { ...current, ...changes };
    assertStageRequirements(stage, missingForStage(stage, merged, await repo.countLineItems(ctx.db, id)));
  }

  await inTransaction(ctx, async (trx, after) => {
    const row = await repo.updateDeal(trx, id, changes, now, expected ?? current.version);
    if (!row) throw versionMismatch(current.version + 1, presentDeal((await repo.findVisibleDeal(trx, actor, id)) ?? current));
    if (moving) {
      const seconds = Math.max(0, Math.round((Date.parse(now) - Date.parse(current.stageEnteredAt)) / 1000));
      await repo.insertStageChange(trx, {
        id: newId(),
        dealId: id,
        pipelineId: stage.pipelineId,
        fromStageId: current.stageId,
        toStageId: stage.id,
        userId: actor.userId,
        at: now,
        secondsInPrevious: seconds,
      });
    }
    const diff = diffRecords(
      presentDeal(current),
      presentDeal({ ...row, contactName: null, companyName: null }),
      DEAL_TRACKED_FIELDS,
    );
    if (moving) diff.unshift({ field: 'stageId', from: current.stageId, to: stage.id });
    if (diff.length > 0) {
      const action = moving ? 'stage_changed' : diff.length === 1 && diff[0]?.field === 'ownerId' ? 'owner_changed' : 'updated';
      await recordChange(trx, { entityType: 'deal', entityId: id, userId: actor.userId, action, changes: diff, at: now });
    }
    const result = await recomputeDealMoney(trx, row, now, { partOfChange: true });
    await publishDealChange(trx, ctx, after, current, result.row, actor.userId, { becamePaid: result.becamePaid });
  });
  return presentDeal(await getVisibleDeal(ctx, actor, id));
}

export async function deleteDeal(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const deal = await getVisibleDeal(ctx, actor, id);
  await assertOwnerSide(ctx.db, actor, deal.ownerId, 'delete');
  await inTransaction(ctx, async (trx, after) => {
    await repo.deleteDeal(trx, id);
    await publishDeal(trx, ctx, after, 'deal.deleted', deal, actor.userId);
  });
}

export async function dealHistory(ctx: Ctx, actor: Actor, id: string, query: Record<string, unknown>) {
  await getVisibleDeal(ctx, actor, id);
  const page = await repo.stageHistory(ctx.db, id, query);
  return { data: page.rows, nextCursor: page.nextCursor };
}

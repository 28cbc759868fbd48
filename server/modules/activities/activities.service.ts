import type { Actor } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { ActivityRow } from '../../db/schema.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { versionMismatch } from '../../http/if-match.ts';
import type { ListParams } from '../../http/list.ts';
import { findVisibleCompany } from '../companies/companies.repository.ts';
import { findVisibleContact } from '../contacts/contacts.repository.ts';
import { findVisibleDeal } from '../deals/deals.repository.ts';
import * as repo from './activities.repository.ts';
import type { Activity, CreateActivity, UpdateActivity } from './activities.schemas.ts';

export function presentActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    type: row.type,
    contactId: row.contactId,
    companyId: row.companyId,
    dealId: row.dealId,
    userId: row.userId,
    body: row.body,
    occurredAt: row.occurredAt,
    direction: row.direction,
    durationSec: row.durationSec,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

export async function listActivities(ctx: Ctx, actor: Actor, filters: repo.ActivityFilters, params: ListParams) {
  const page = await repo.listActivities(ctx.db, actor, filters, params);
  return { data: page.rows.map(presentActivity), nextCursor: page.nextCursor };
}

/** Logs a note, call, e-mail or meeting on records the actor may see. A contact's company is linked too. */
export async function createActivity(ctx: Ctx, actor: Actor, input: CreateActivity): Promise<Activity> {
  if (!input.contactId && !input.companyId && !input.dealId) {
    throw new AppError('validation_failed', 'An activity belongs to a contact, a company or a deal', [
      { path: 'contactId', message: 'one of contactId, companyId, dealId is required' },
    ]);
  }
  let companyId = input.companyId ?? null;
  if (input.contactId) {
    const contact = await findVisibleContact(ctx.db, actor, input.contactId);
    if (!contact)
      throw new AppError('unprocessable', 'The contact does not exist', [{ path: 'contactId', message: 'unknown contact' }]);
    companyId ??= contact.companyId;
  }
  if (input.companyId && !(await findVisibleCompany(ctx.db, actor, input.companyId))) {
    throw new AppError('unprocessable', 'The company does not exist', [{ path: 'companyId', message: 'unknown company' }]);
  }
  if (input.dealId && !(await findVisibleDeal(ctx.db, actor, input.dealId))) {
    throw new AppError('unprocessable', 'The deal does not exist', [{ path: 'dealId', message: 'unknown deal' }]);
  }
  const now = isoNow(ctx.clock);
  const row: ActivityRow = {
    id: newId(),
    type: input.type as ActivityRow['type'],
    contactId: input.contactId ?? null,
    companyId,
    dealId: input.dealId ?? null,
    userId: actor.userId,
    body: input.body?.trim() ?? '',
    occurredAt: input.occurredAt ? new Date(input.occurredAt).toISOString() : now,
    direction: input.direction ?? null,
    durationSec: input.durationSec ?? null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertActivity(trx, row);
    await repo.refreshLastActivity(trx, row.contactId);
  });
  return presentActivity(row);
}

export async function getActivity(ctx: Ctx, actor: Actor, id: string): Promise<ActivityRow> {
  const row = await repo.findVisibleActivity(ctx.db, actor, id);
  if (!row) throw notFound('Activity');
  return row;
}

function assertAuthorOrAdmin(actor: Actor, row: ActivityRow): void {
  if (actor.role !== 'admin' && actor.role !== 'head' && row.userId !== actor.userId) {
    throw forbidden('Only the author can change this activity');
  }
}

export async function updateActivity(ctx: Ctx, actor: Actor, id: string, input: UpdateActivity, expected?: number) {
  const current = await getActivity(ctx, actor, id);
  assertAuthorOrAdmin(actor, current);
  const changes: Partial<ActivityRow> = {};
  if (input.body !== undefined) changes.body = input.body.trim();
  if (input.occurredAt !== undefined) changes.occurredAt = new Date(input.occurredAt).toISOString();
  if (input.direction !== undefined) changes.direction = input.direction;
  if (input.durationSec !== undefined) changes.durationSec = input.durationSec;
  const row = await ctx.db.transaction().execute(async (trx) => {
    const updated = await repo.updateActivity(trx, id, changes, isoNow(ctx.clock), expected);
    if (!updated) throw versionMismatch(current.version);
    await repo.refreshLastActivity(trx, updated.contactId);
    return updated;
  });
  return presentActivity(row);
}

export async function deleteActivity(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const current = await getActivity(ctx, actor, id);
  assertAuthorOrAdmin(actor, current);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteActivity(trx, id);
    await repo.refreshLastActivity(trx, current.contactId);
  });
}

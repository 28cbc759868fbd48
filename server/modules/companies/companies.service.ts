import { assertCanAssignOwner, assertOwnerSide } from '../../core/access.ts';
import type { Actor } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import { addressOf, optionalText, parseCustom, parseTags } from '../../core/record-fields.ts';
import { rowChanges } from '../../core/row-changes.ts';
import { inTransaction } from '../../core/tx.ts';
import type { CompanyRow } from '../../db/schema.ts';
import { notFound } from '../../http/errors.ts';
import { versionMismatch } from '../../http/if-match.ts';
import { type ListParams, parseListParams } from '../../http/list.ts';
import { sortFieldsFor } from '../../http/record-query.ts';
import type { Duplicate } from '../../http/schemas.ts';
import { listDefinitions } from '../custom-fields/custom-fields.repository.ts';
import { customerUpdateColumns, newCustomerColumns } from '../customers/customer-columns.ts';
import { fillFrom, loadMergePair, mergedCustomerColumns, mergeInto } from '../customers/customer-merge.ts';
import {
  assertExternalIdFree,
  assertOwnerChange,
  checkedCustomFields,
  publishCustomer,
  recordUpdate,
} from '../customers/customer-records.ts';
import { diffRecords, recordChange } from '../timeline/changes.repository.ts';
import * as repo from './companies.repository.ts';
import type { Company, CreateCompany, UpdateCompany } from './companies.schemas.ts';

export function presentCompany(row: CompanyRow & { lastActivityAt?: string | null }): Company {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    website: row.website,
    address: addressOf(row),
    ownerId: row.ownerId,
    tags: parseTags(row.tags),
    customFields: parseCustom(row.customFields),
    externalId: row.externalId,
    lastActivityAt: row.lastActivityAt ?? null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

const TRACKED = ['name', 'email', 'phone', 'website', 'address', 'ownerId', 'tags', 'customFields', 'externalId'];

export async function listCompanies(
  ctx: Ctx,
  actor: Actor,
  query: Record<string, unknown> & { limit?: number; cursor?: string; sort?: string },
) {
  const defs = await listDefinitions(ctx.db, 'company');
  const sortable = sortFieldsFor(repo.COMPANY_LIST, defs);
  const params: ListParams = parseListParams(query, sortable, 'name');
  const page = await repo.listCompanies(ctx.db, actor, defs, query, params, sortable);
  return { data: page.rows.map(presentCompany), nextCursor: page.nextCursor };
}

/** A company the actor may see; anything else is a 404. */
export async function getVisibleCompany(ctx: Ctx, actor: Actor, id: string): Promise<CompanyRow> {
  const row = await repo.findVisibleCompany(ctx.db, actor, id);
  if (!row) throw notFound('Company');
  return row;
}

export async function createCompany(ctx: Ctx, actor: Actor, input: CreateCompany): Promise<Company> {
  const ownerId = input.ownerId ?? actor.userId;
  await assertCanAssignOwner(ctx.db, actor, ownerId);
  const customFields = await checkedCustomFields(ctx.db, 'company', input.customFields);
  const now = isoNow(ctx.clock);
  const row: CompanyRow = {
    id: newId(),
    name: input.name.trim(),
    website: optionalText(input.website) ?? null,
    ...newCustomerColumns(input, ownerId, customFields, now),
  };
  await inTransaction(ctx, async (trx, after) => {
    await assertExternalIdFree(trx, 'company', row.externalId);
    await repo.insertCompany(trx, row);
    await recordChange(trx, { entityType: 'company', entityId: row.id, userId: actor.userId, action: 'created', at: now });
    await publishCustomer(trx, ctx, after, 'company', 'created', row, actor.userId);
  });
  return presentCompany(row);
}

export async function updateCompany(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: UpdateCompany,
  expected?: number,
): Promise<Company> {
  const current = await getVisibleCompany(ctx, actor, id);
  await assertOwnerChange(ctx.db, actor, current.ownerId, input.ownerId);
  const changes: Partial<CompanyRow> = await customerUpdateColumns(ctx.db, 'company', input, current);
  if (input.name !== undefined) changes.name = input.name.trim();
  if (input.website !== undefined) changes.website = optionalText(input.website) ?? null;
  const now = isoNow(ctx.clock);
  const updated = await inTransaction(ctx, async (trx, after) => {
    await assertExternalIdFree(trx, 'company', changes.externalId, id);
    const row = await repo.updateCompany(trx, id, changes, now, expected);
    if (!row) throw versionMismatch(current.version);
    const diff = diffRecords(presentCompany(current), presentCompany(row), TRACKED);
    await recordUpdate(trx, 'company', id, actor, diff, now);
    await publishCustomer(trx, ctx, after, 'company', 'updated', row, actor.userId, rowChanges(current, row));
    return row;
  });
  return presentCompany(updated);
}

/** Deletes a company; its contacts stay (without company), its activities go with it. */
export async function deleteCompany(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  const company = await getVisibleCompany(ctx, actor, id);
  await assertOwnerSide(ctx.db, actor, company.ownerId, 'delete');
  await inTransaction(ctx, async (trx, after) => {
    await repo.deleteCompany(trx, id);
    await publishCustomer(trx, ctx, after, 'company', 'deleted', company, actor.userId);
  });
}

/** Likely duplicates of a company: same e-mail, same phone, or the same name. */
export async function findCompanyDuplicates(ctx: Ctx, actor: Actor, id: string): Promise<Duplicate[]> {
  const company = await getVisibleCompany(ctx, actor, id);
  const candidates = await repo.findCompanyDuplicates(ctx.db, actor, company);
  return candidates.map((c) => {
    const reasons: Duplicate['reasons'] = [];
    if (company.email && c.email?.toLowerCase() === company.email.toLowerCase()) reasons.push('email');
    if (company.phoneNormalized && c.phoneNormalized === company.phoneNormalized) reasons.push('phone');
    if (c.name.trim().toLowerCase() === company.name.trim().toLowerCase()) reasons.push('name');
    return { id: c.id, title: c.name, subtitle: c.city ?? c.email ?? null, reasons };
  });
}

/** Merges `otherId` into `id`: contacts, deals, activities and the history move over; empty fields are filled. */
export async function mergeCompanies(ctx: Ctx, actor: Actor, id: string, otherId: string): Promise<Company> {
  const { keep, other } = await loadMergePair(
    ctx.db,
    actor,
    'company',
    { id, otherId },
    {
      keep: (keepId) => getVisibleCompany(ctx, actor, keepId),
      other: (mergedId) => repo.findVisibleCompany(ctx.db, actor, mergedId),
    },
  );
  const now = isoNow(ctx.clock);
  const fill = fillFrom<CompanyRow>(keep, other);
  const changes: Partial<CompanyRow> = {
    ...mergedCustomerColumns(keep, other),
    website: fill('website'),
  };
  const merged = await inTransaction(ctx, async (trx, after) => {
    const writes = { update: repo.updateCompany, remove: repo.deleteCompany };
    const row = await mergeInto(trx, 'company', writes, { id, otherId, otherTitle: other.name, changes, actor, now });
    await publishCustomer(trx, ctx, after, 'company', 'updated', row, actor.userId);
    await publishCustomer(trx, ctx, after, 'company', 'deleted', other, actor.userId);
    return row;
  });
  return presentCompany(merged);
}

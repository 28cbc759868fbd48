import { assertCanAssignOwner, assertOwnerSide } from '../../core/access.ts';
import type { Actor } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { optionalText } from '../../core/record-fields.ts';
import type { RowChange } from '../../core/row-changes.ts';
import type { AfterCommit } from '../../core/tx.ts';
import { AppError } from '../../http/errors.ts';
import { listDefinitions } from '../custom-fields/custom-fields.repository.ts';
import { validateCustomValues } from '../custom-fields/custom-fields.values.ts';
import { publish } from '../scheduler/publish.ts';
import { type FieldChange, recordChange } from '../timeline/changes.repository.ts';
import { type CustomerEntity, type Db, idWithExternalId } from './customers.repository.ts';

export type { CustomerEntity };

// The rules contacts and companies share: e-mail form, custom fields, owner changes, external ids, events.

/** Trimmed and lower-cased; `undefined` (not given) and `null` (cleared) pass through. */
export function emailOf(value: string | null | undefined): string | null | undefined {
  const v = optionalText(value);
  return v === undefined || v === null ? v : v.toLowerCase();
}

/** Custom-field input checked against the entity's definitions, on top of the values it had. */
export async function checkedCustomFields(
  db: Db,
  entity: CustomerEntity,
  input: Record<string, unknown> | undefined,
  previous?: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  return validateCustomValues(await listDefinitions(db, entity), input, previous);
}

/** A new owner needs the right to give the record away and the right to hand it to that owner. */
export async function assertOwnerChange(
  db: Db,
  actor: Actor,
  currentOwnerId: string | null,
  nextOwnerId: string | undefined,
): Promise<void> {
  if (nextOwnerId === undefined || nextOwnerId === currentOwnerId) return;
  await assertOwnerSide(db, actor, currentOwnerId, 'reassign');
  await assertCanAssignOwner(db, actor, nextOwnerId);
}

/** External ids are unique per entity; `exceptId` is the record being updated. */
export async function assertExternalIdFree(
  db: Db,
  entity: CustomerEntity,
  externalId: string | null | undefined,
  exceptId?: string,
): Promise<void> {
  if (!externalId) return;
  const otherId = await idWithExternalId(db, entity, externalId);
  if (otherId && otherId !== exceptId) {
    throw new AppError('conflict', `Another ${entity} has this external id`, [{ path: 'externalId', message: 'already in use' }]);
  }
}

/** Logs an edit on the timeline; an edit that only moved the owner reads as a handover. */
export async function recordUpdate(
  db: Db,
  entity: CustomerEntity,
  id: string,
  actor: Actor,
  diff: FieldChange[],
  at: string,
): Promise<void> {
  if (diff.length === 0) return;
  const action = diff.length === 1 && diff[0]?.field === 'ownerId' ? 'owner_changed' : 'updated';
  await recordChange(db, { entityType: entity, entityId: id, userId: actor.userId, action, changes: diff, at });
}

/** Publishes a contact or company event from inside the transaction that made the change. */
export function publishCustomer(
  trx: Db,
  ctx: Ctx,
  after: AfterCommit,
  entity: CustomerEntity,
  what: 'created' | 'updated' | 'deleted',
  row: { id: string; ownerId: string | null },
  actorId: string,
  changes?: RowChange[],
): Promise<void> {
  return publish(trx, ctx, after, {
    type: `${entity}.${what}`,
    entityType: entity,
    entityId: row.id,
    actorId,
    at: isoNow(ctx.clock),
    data: { ownerId: row.ownerId, ...(changes ? { changes } : {}) },
  });
}

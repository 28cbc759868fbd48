import { assertOwnerSide } from '../../core/access.ts';
import type { Actor } from '../../core/actor.ts';
import { repointReferences } from '../../core/merge.ts';
import { cleanTags, parseCustom, parseTags } from '../../core/record-fields.ts';
import { AppError } from '../../http/errors.ts';
import { recordChange } from '../timeline/changes.repository.ts';
import { type CustomerEntity, moveHistory } from './customers.repository.ts';

// Merging two contacts or two companies: the checks, the field rules and the moves they share.

type Db = Parameters<typeof moveHistory>[0];

interface Owned {
  ownerId: string | null;
}

/**
 * Both sides of a merge: `keep` through the module's own 404, `other` reported on `otherId`.
 * The actor must be allowed to change the kept record and to delete the other.
 */
export async function loadMergePair<R extends Owned>(
  db: Db,
  actor: Actor,
  entity: CustomerEntity,
  ids: { id: string; otherId: string },
  load: { keep: (id: string) => Promise<R>; other: (id: string) => Promise<R | undefined> },
): Promise<{ keep: R; other: R }> {
  if (ids.id === ids.otherId) {
    throw new AppError('unprocessable', `A ${entity} cannot be merged with itself`, [
      { path: 'otherId', message: `same ${entity}` },
    ]);
  }
  const keep = await load.keep(ids.id);
  const other = await load.other(ids.otherId);
  if (!other) throw new AppError('not_found', `The other ${entity} was not found`, [{ path: 'otherId', message: 'not found' }]);
  await assertOwnerSide(db, actor, keep.ownerId, 'merge');
  await assertOwnerSide(db, actor, other.ownerId, 'delete');
  return { keep, other };
}

/** The kept value, or the other's where the kept one is empty. */
export function fillFrom<R>(keep: R, other: R) {
  return <K extends keyof R>(k: K): R[K] => (keep[k] === null || keep[k] === '' ? other[k] : keep[k]);
}

interface CustomerColumns {
  email: string | null;
  phone: string | null;
  phoneNormalized: string | null;
  street: string | null;
  zip: string | null;
  city: string | null;
  country: string | null;
  externalId: string | null;
  tags: string;
  customFields: string;
}

/**
 * The merged values of the columns contacts and companies share: empty ones filled from the other,
 * tags united, custom fields united with the kept record's values winning.
 */
export function mergedCustomerColumns(keep: CustomerColumns, other: CustomerColumns): CustomerColumns {
  const fill = fillFrom(keep, other);
  return {
    email: fill('email'),
    phone: fill('phone'),
    phoneNormalized: keep.phone ? keep.phoneNormalized : other.phoneNormalized,
    street: fill('street'),
    zip: fill('zip'),
    city: fill('city'),
    country: fill('country'),
    externalId: fill('externalId'),
    tags: JSON.stringify(cleanTags([...parseTags(keep.tags), ...parseTags(other.tags)])),
    customFields: JSON.stringify({ ...parseCustom(other.customFields), ...parseCustom(keep.customFields) }),
  };
}

export interface MergeWrites<R> {
  update: (db: Db, id: string, changes: Partial<R>, now: string) => Promise<R | undefined>;
  remove: (db: Db, id: string) => Promise<void>;
}

/**
 * Inside the caller's transaction: everything pointing at `otherId` and its history move to `id`,
 * the merged fields are written, the other is deleted and the merge is logged. Returns the kept row.
 */
export async function mergeInto<R extends { externalId: string | null }>(
  trx: Db,
  entity: CustomerEntity,
  writes: MergeWrites<R>,
  merge: { id: string; otherId: string; otherTitle: string; changes: Partial<R>; actor: Actor; now: string },
): Promise<R> {
  const { id, otherId, now } = merge;
  // the other's external id moves to the kept record; free it first (unique index)
  await writes.update(trx, otherId, { externalId: null } as Partial<R>, now);
  const moved = await repointReferences(trx, entity === 'contact' ? 'contact_id' : 'company_id', otherId, id);
  await moveHistory(trx, entity, otherId, id);
  const row = await writes.update(trx, id, merge.changes, now);
  await writes.remove(trx, otherId);
  await recordChange(trx, {
    entityType: entity,
    entityId: id,
    userId: merge.actor.userId,
    action: 'merged',
    changes: [
      { field: 'mergedFrom', from: otherId, to: merge.otherTitle },
      ...moved.map((t) => ({ field: t, from: otherId, to: id })),
    ],
    at: now,
  });
  return row as R;
}

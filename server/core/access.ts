import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError, forbidden } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import { canSeeOwned, teamsOf } from './scope.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Who may own what: an admin assigns records to any active user, a head to themselves or their
 * team's members, everyone else only to themselves. Checked before any write.
 */
export async function assertCanAssignOwner(db: Db, actor: Actor, ownerId: string, path = 'ownerId'): Promise<void> {
  const owner = await db.selectFrom('users').select(['id', 'teamId', 'active']).where('id', '=', ownerId).executeTakeFirst();
  if (owner?.active !== 1) {
    throw new AppError('unprocessable', 'The owner must be an active user', [{ path, message: 'unknown or inactive user' }]);
  }
  if (actor.role === 'admin' || owner.id === actor.userId) return;
  if (actor.role === 'head' && owner.teamId && teamsOf(actor).includes(owner.teamId)) return;
  throw forbidden('You cannot give records to this user');
}

/**
 * Deleting and reassigning stay with the owner's side (owner, their head, admin), never with a task
 * hand-off: whoever sees a record only through an open task may read and update it, nothing more.
 */
export async function assertOwnerSide(db: Db, actor: Actor, ownerId: string | null, what = 'delete or reassign'): Promise<void> {
  if (actor.role === 'specialist' && what === 'delete') throw forbidden('Field staff cannot delete records');
  if (actor.role === 'admin') return;
  const owner = ownerId ? await db.selectFrom('users').select('teamId').where('id', '=', ownerId).executeTakeFirst() : undefined;
  if (!canSeeOwned(actor, ownerId, owner?.teamId ?? null))
    throw forbidden(`Only the owner, their head or an administrator may ${what} this record`);
}

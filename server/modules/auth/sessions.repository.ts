import type { Kysely, Transaction } from 'kysely';
import type { DB, SessionRow } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function findLiveSession(db: Db, id: string, now: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
}

export async function revokeSession(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ revokedAt: now }).where('id', '=', id).where('revokedAt', 'is', null).execute();
}

export async function revokeUserSessions(db: Db, userId: string, now: string, exceptId?: string): Promise<void> {
  let q = db.updateTable('sessions').set({ revokedAt: now }).where('userId', '=', userId).where('revokedAt', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Db, before: string): Promise<void> {
  await db.deleteFrom('sessions').where('expiresAt', '<', before).execute();
}

import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

export type Db = Kysely<DB> | Transaction<DB>;
export type CustomerEntity = 'contact' | 'company';

const TABLE = { contact: 'contacts', company: 'companies' } as const;

/** The id of the contact or company that carries this external id, if any. */
export async function idWithExternalId(db: Db, entity: CustomerEntity, externalId: string): Promise<string | undefined> {
  const row = await db.selectFrom(TABLE[entity]).select('id').where('externalId', '=', externalId).executeTakeFirst();
  return row?.id;
}

/** Moves the change history of a merged record onto the record that is kept. */
export async function moveHistory(db: Db, entity: CustomerEntity, fromId: string, toId: string): Promise<void> {
  await db
    .updateTable('recordChanges')
    .set({ entityId: toId })
    .where('entityType', '=', entity)
    .where('entityId', '=', fromId)
    .execute();
}

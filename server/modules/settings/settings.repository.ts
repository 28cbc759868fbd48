import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface StoredSetting<T> {
  value: T;
  version: number;
  updatedAt: string;
}

export async function getSetting<T>(db: Db, key: string): Promise<StoredSetting<T> | undefined> {
  const row = await db.selectFrom('settings').selectAll().where('key', '=', key).executeTakeFirst();
  return row ? { value: JSON.parse(row.value) as T, version: row.version, updatedAt: row.updatedAt } : undefined;
}

/** Inserts or replaces a setting; with expectedVersion, only when the stored version still matches. */
export async function putSetting<T>(db: Db, key: string, value: T, now: string, expectedVersion?: number): Promise<boolean> {
  const json = JSON.stringify(value);
  if (expectedVersion !== undefined) {
    const result = await db
      .updateTable('settings')
      .set({ value: json, updatedAt: now, version: sql`version + 1` as unknown as number })
      .where('key', '=', key)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
  await db
    .insertInto('settings')
    .values({ key, value: json, createdAt: now, updatedAt: now, version: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: json, updatedAt: now, version: sql`settings.version + 1` as unknown as number }),
    )
    .execute();
  return true;
}

/** Stores a setting's defaults as version 1 unless it is stored already (so a first change becomes version 2). */
export async function ensureSetting<T>(db: Db, key: string, value: T, now: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key, value: JSON.stringify(value), createdAt: now, updatedAt: now, version: 1 })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

export async function deleteSetting(db: Db, key: string): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', key).execute();
}

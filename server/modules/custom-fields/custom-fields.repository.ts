import { type Kysely, sql, type Transaction } from 'kysely';
import { Type } from 'typebox';
import type { CustomFieldEntity, CustomFieldRow, DB } from '../../db/schema.ts';
import { containsText, type ListSpec } from '../../http/list.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The definitions list: one page holds them all (200), by entity and position unless sorted otherwise. */
export const CUSTOM_FIELD_LIST: ListSpec = {
  defaultSort: 'position',
  defaultLimit: 200,
  idColumn: 'customFields.id',
  sortable: {
    position: { expr: sql`printf('%s|%010d', custom_fields.entity, custom_fields.position)` },
    key: { expr: 'customFields.key' },
    label: { expr: sql`lower(custom_fields.label)` },
    createdAt: { expr: 'customFields.createdAt' },
    updatedAt: { expr: 'customFields.updatedAt' },
  },
  filters: {
    entity: {
      expr: 'customFields.entity',
      schema: Type.Union([Type.Literal('contact'), Type.Literal('company'), Type.Literal('deal')]),
    },
    key: { expr: 'customFields.key', schema: Type.String({ maxLength: 40 }) },
    type: { expr: 'customFields.type', schema: Type.String({ maxLength: 20 }) },
    required: { expr: 'customFields.required', kind: 'bool', schema: Type.Boolean() },
  },
  search: containsText('customFields.label', 'customFields.key'),
};

export const ENTITY_TABLES: Record<CustomFieldEntity, string> = { contact: 'contacts', company: 'companies', deal: 'deals' };

export function listDefinitions(db: Db, entity?: CustomFieldEntity): Promise<CustomFieldRow[]> {
  let q = db.selectFrom('customFields').selectAll().orderBy('entity').orderBy('position').orderBy('createdAt');
  if (entity) q = q.where('entity', '=', entity);
  return q.execute();
}

export function findDefinition(db: Db, id: string): Promise<CustomFieldRow | undefined> {
  return db.selectFrom('customFields').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDefinitionByKey(db: Db, entity: CustomFieldEntity, key: string): Promise<CustomFieldRow | undefined> {
  return db.selectFrom('customFields').selectAll().where('entity', '=', entity).where('key', '=', key).executeTakeFirst();
}

export async function insertDefinition(db: Db, row: CustomFieldRow): Promise<void> {
  await db.insertInto('customFields').values(row).execute();
}

export async function updateDefinition(db: Db, id: string, changes: Partial<CustomFieldRow>, now: string, expected?: number) {
  let q = db
    .updateTable('customFields')
    .set({ ...changes, updatedAt: now, version: sql`version + 1` as unknown as number })
    .where('id', '=', id);
  if (expected !== undefined) q = q.where('version', '=', expected);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}

export async function deleteDefinition(db: Db, id: string): Promise<void> {
  await db.deleteFrom('customFields').where('id', '=', id).execute();
}

/** The SQL expression of a custom field's value; the key is validated ([a-zA-Z0-9_]) before it gets here. */
export function valueExpr(table: string, key: string) {
  return sql.raw(`json_extract(${table}.custom_fields, '$.${key}')`);
}

function indexName(entity: CustomFieldEntity, key: string): string {
  return `cf_${entity}_${key}`;
}

/**
 * One expression index per custom field, on exactly the expression lists sort and filter by,
 * so filtering and sorting by a custom field stays an index lookup at a million rows.
 */
export async function createValueIndex(db: Db, entity: CustomFieldEntity, key: string): Promise<void> {
  const table = ENTITY_TABLES[entity];
  await sql
    .raw(`CREATE INDEX IF NOT EXISTS ${indexName(entity, key)} ON ${table} (json_extract(custom_fields, '$.${key}'))`)
    .execute(db);
}

export async function dropValueIndex(db: Db, entity: CustomFieldEntity, key: string): Promise<void> {
  await sql.raw(`DROP INDEX IF EXISTS ${indexName(entity, key)}`).execute(db);
}

/** Removes a deleted field's values from every record of the entity. */
export async function removeValues(db: Db, entity: CustomFieldEntity, key: string): Promise<void> {
  const table = ENTITY_TABLES[entity];
  await sql
    .raw(
      `UPDATE ${table} SET custom_fields = json_remove(custom_fields, '$.${key}') WHERE json_extract(custom_fields, '$.${key}') IS NOT NULL`,
    )
    .execute(db);
}

import { type Actor, isAdmin } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { CustomFieldEntity, CustomFieldRow, CustomFieldType } from '../../db/schema.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import { versionMismatch } from '../../http/if-match.ts';
import { listPage } from '../../http/list.ts';
import * as repo from './custom-fields.repository.ts';
import type { CreateCustomField, CustomField, UpdateCustomField } from './custom-fields.schemas.ts';

export function presentCustomField(row: CustomFieldRow): CustomField {
  return {
    id: row.id,
    entity: row.entity,
    key: row.key,
    label: row.label,
    type: row.type,
    options: JSON.parse(row.options),
    required: row.required === 1,
    position: row.position,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

const CHOICE_TYPES: CustomFieldType[] = ['select', 'multiselect'];

function checkOptions(type: CustomFieldType, options: string[] | undefined): string[] {
  if (CHOICE_TYPES.includes(type)) {
    if (!options || options.length === 0) {
      throw new AppError('validation_failed', 'A select field needs options', [
        { path: 'options', message: 'needs at least one option' },
      ]);
    }
    return options;
  }
  if (options && options.length > 0) {
    throw new AppError('validation_failed', 'Only select fields have options', [
      { path: 'options', message: 'only for select and multiselect' },
    ]);
  }
  return [];
}

export async function listCustomFields(ctx: Ctx, query: Record<string, unknown>) {
  const page = await listPage(ctx.db.selectFrom('customFields').selectAll(), repo.CUSTOM_FIELD_LIST, query);
  return { data: page.rows.map(presentCustomField), nextCursor: page.nextCursor };
}

export async function getCustomField(ctx: Ctx, id: string): Promise<CustomField> {
  const row = await repo.findDefinition(ctx.db, id);
  if (!row) throw notFound('Custom field');
  return presentCustomField(row);
}

/** Defines a custom field (admin) and the index that keeps filtering and sorting by it fast. */
export async function createCustomField(ctx: Ctx, actor: Actor, input: CreateCustomField): Promise<CustomField> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can define custom fields');
  const entity = input.entity as CustomFieldEntity;
  const type = input.type as CustomFieldType;
  const options = checkOptions(type, input.options);
  if (await repo.findDefinitionByKey(ctx.db, entity, input.key)) {
    throw conflict(`The ${entity} already has a field "${input.key}"`, [{ path: 'key', message: 'already in use' }]);
  }
  const now = isoNow(ctx.clock);
  const row: CustomFieldRow = {
    id: newId(),
    entity,
    key: input.key,
    label: input.label.trim(),
    type,
    options: JSON.stringify(options),
    required: input.required ? 1 : 0,
    position: input.position ?? 0,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertDefinition(trx, row);
    await repo.createValueIndex(trx, entity, input.key);
  });
  return presentCustomField(row);
}

/** Changes label, options, required or position; key, entity and type are fixed once values exist. */
export async function updateCustomField(ctx: Ctx, actor: Actor, id: string, input: UpdateCustomField, expected?: number) {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can change custom fields');
  const current = await repo.findDefinition(ctx.db, id);
  if (!current) throw notFound('Custom field');
  const changes: Partial<CustomFieldRow> = {};
  if (input.label !== undefined) changes.label = input.label.trim();
  if (input.options !== undefined) changes.options = JSON.stringify(checkOptions(current.type, input.options));
  if (input.required !== undefined) changes.required = input.required ? 1 : 0;
  if (input.position !== undefined) changes.position = input.position;
  if (!(await repo.updateDefinition(ctx.db, id, changes, isoNow(ctx.clock), expected))) throw versionMismatch(current.version);
  return getCustomField(ctx, id);
}

/** Deletes a definition, its index and its values on every record. */
export async function deleteCustomField(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can delete custom fields');
  const current = await repo.findDefinition(ctx.db, id);
  if (!current) throw notFound('Custom field');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteDefinition(trx, id);
    await repo.dropValueIndex(trx, current.entity, current.key);
    await repo.removeValues(trx, current.entity, current.key);
  });
}

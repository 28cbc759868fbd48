import { type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { TObject, TProperties } from 'typebox';
import type { CustomFieldEntity, CustomFieldRow } from '../db/schema.ts';
import { valueExpr } from '../modules/custom-fields/custom-fields.repository.ts';
import { parseFilterValue } from '../modules/custom-fields/custom-fields.values.ts';
import { AppError } from './errors.ts';
import { applyFilters, type ListSpec, listQuery, type SortField } from './list.ts';

/**
 * Filtering and sorting of record lists (contacts, companies, deals) by documented fields and by
 * custom fields (`customFields.<key>`), all from allowlists: request data only ever becomes a bound value.
 */
export type { FilterField, FilterKind } from './list.ts';

export interface RecordListSpec extends ListSpec {
  /** SQL table name, e.g. contacts */
  table: string;
  entity: CustomFieldEntity;
}

export const CUSTOM_FIELD_PARAM = /^customFields\.([a-zA-Z][a-zA-Z0-9_]{0,39})$/;

/** The query-string pattern for custom field filters, for route schemas. */
export const customFieldFilterPattern = { '^customFields\\.[a-zA-Z][a-zA-Z0-9_]{0,39}$': { type: 'string', maxLength: 500 } };

/** The query-string schema of a record list: the spec's filters plus `customFields.<key>` (see listQuery). */
export function recordListQuery(spec: RecordListSpec, extra?: TProperties): TObject {
  return listQuery(spec, { extra, customFields: true, patternProperties: customFieldFilterPattern });
}

/** Sort fields of the spec plus one per custom field of the entity. */
export function sortFieldsFor(spec: RecordListSpec, defs: CustomFieldRow[]): Record<string, SortField> {
  const fields: Record<string, SortField> = { ...spec.sortable };
  for (const def of defs) fields[`customFields.${def.key}`] = { expr: valueExpr(spec.table, def.key) };
  return fields;
}

/**
 * Applies equality filters from a parsed query: documented ones from the spec and `customFields.<key>`
 * for defined fields (multiselect: contains). Unknown custom fields are a 400 naming the parameter.
 */
export function applyRecordFilters<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  spec: RecordListSpec,
  defs: CustomFieldRow[],
  query: Record<string, unknown>,
): SelectQueryBuilder<DB, TB, O> {
  let q = applyFilters(qb, spec.filters, query);
  for (const [param, raw] of Object.entries(query)) {
    if (raw === undefined) continue;
    const match = CUSTOM_FIELD_PARAM.exec(param);
    if (!match) continue;
    const def = defs.find((d) => d.key === match[1]);
    if (!def) {
      throw new AppError('validation_failed', `Unknown filter "${param}"`, [
        { path: param, message: 'is not a defined custom field' },
      ]);
    }
    const value = String(raw);
    const expr = valueExpr(spec.table, def.key);
    if (def.type === 'multiselect') {
      q = q.where(() => sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(${expr}) WHERE value = ${value})`);
    } else {
      const parsed = parseFilterValue(def, value);
      q = q.where(() => sql<SqlBool>`${expr} = ${parsed}`);
    }
  }
  return q;
}

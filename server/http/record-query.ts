import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { CustomFieldEntity, CustomFieldRow } from '../db/schema.ts';
import { valueExpr } from '../modules/custom-fields/custom-fields.repository.ts';
import { parseFilterValue } from '../modules/custom-fields/custom-fields.values.ts';
import { AppError } from './errors.ts';
import type { SortField } from './list.ts';

/**
 * Filtering and sorting of record lists (contacts, companies, deals) by documented fields and by
 * custom fields (`customFields.<key>`), all from allowlists: request data only ever becomes a bound value.
 */
export type FilterKind = 'eq' | 'tag' | 'nullable';

export interface FilterField {
  expr: string;
  kind?: FilterKind;
}

export interface RecordListSpec {
  /** SQL table name, e.g. contacts */
  table: string;
  entity: CustomFieldEntity;
  sortable: Record<string, SortField>;
  filters: Record<string, FilterField>;
}

export const CUSTOM_FIELD_PARAM = /^customFields\.([a-zA-Z][a-zA-Z0-9_]{0,39})$/;

/** The query-string pattern for custom field filters, for route schemas. */
export const customFieldFilterPattern = { '^customFields\\.[a-zA-Z][a-zA-Z0-9_]{0,39}$': { type: 'string', maxLength: 500 } };

/** Sort fields of the spec plus one per custom field of the entity. */
export function sortFieldsFor(spec: RecordListSpec, defs: CustomFieldRow[]): Record<string, SortField> {
  const fields: Record<string, SortField> = { ...spec.sortable };
  for (const def of defs) fields[`customFields.${def.key}`] = { expr: valueExpr(spec.table, def.key) };
  return fields;
}

function condition(field: FilterField, table: string, value: string): Expression<SqlBool> {
  const ref = sql.ref(field.expr);
  switch (field.kind ?? 'eq') {
    case 'tag':
      return sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(${sql.ref(`${table}.tags`)}) WHERE value = ${value})`;
    case 'nullable':
      return value === 'null' || value === '' ? sql<SqlBool>`${ref} IS NULL` : sql<SqlBool>`${ref} = ${value}`;
    default:
      return sql<SqlBool>`${ref} = ${value}`;
  }
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
  let q = qb;
  for (const [param, raw] of Object.entries(query)) {
    if (raw === undefined) continue;
    const value = String(raw);
    const documented = Object.hasOwn(spec.filters, param) ? spec.filters[param] : undefined;
    if (documented) {
      q = q.where(() => condition(documented, spec.table, value));
      continue;
    }
    const match = CUSTOM_FIELD_PARAM.exec(param);
    if (!match) continue;
    const def = defs.find((d) => d.key === match[1]);
    if (!def) {
      throw new AppError('validation_failed', `Unknown filter "${param}"`, [
        { path: param, message: 'is not a defined custom field' },
      ]);
    }
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

import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { type TObject, type TProperties, type TSchema, Type } from 'typebox';
import { normalizePhone } from '../core/phone.ts';
import { AppError } from './errors.ts';

/**
 * Cursor (keyset) pagination with allowlisted sort fields and equality filters, shared by every list endpoint.
 * Sort fields and filters map an API name to a trusted SQL expression; request data never reaches SQL text,
 * only bound values. A list is described once by a ListSpec: its query-string schema (validation and OpenAPI),
 * its filters and its order all follow from it.
 */
export interface SortField {
  /** A column reference or a trusted expression, e.g. sql`lower(name)`. */
  expr: string | Expression<unknown>;
}

/**
 * How a filter compares: eq (=), nullable (= or, for "null" or empty, IS NULL), tag (the JSON array
 * contains the value), ci (= ignoring case), phone (the normalised number, any notation), bool (1/0).
 */
export type FilterKind = 'eq' | 'nullable' | 'tag' | 'ci' | 'phone' | 'bool';

export interface FilterField {
  /** The column or trusted expression compared (for phone: the normalised-number column). */
  expr: string | Expression<unknown>;
  kind?: FilterKind;
  /** Schema of the value in the query string (default: a string of up to 200 characters). */
  schema?: TSchema;
  /** A condition of its own instead of kind and expr. */
  where?: (value: unknown) => Expression<SqlBool>;
}

export interface ListSpec {
  sortable: Record<string, SortField>;
  /** e.g. name or -createdAt */
  defaultSort: string;
  /** The unique column that breaks ties and keys the cursor, e.g. contacts.id */
  idColumn: string;
  /** Equality filters by query-parameter name. */
  filters: Record<string, FilterField>;
  /** The condition for `q`; lists without it reject `q`. */
  search?: (text: string) => Expression<SqlBool>;
  /** Page size when the request names none (small settings lists use 200 so one page holds them). */
  defaultLimit?: number;
}

/** What a list's query schema is made from: a ListSpec or an ItemListSpec. */
export interface ListShape {
  sortable: Record<string, unknown>;
  defaultSort: string;
  filters: Record<string, { schema?: TSchema }>;
  search?: unknown;
  defaultLimit?: number;
}

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

export interface ListParams {
  limit: number;
  sortKey: string;
  descending: boolean;
  after: { v: unknown; id: string | number } | null;
}

export function parseListParams(
  query: { limit?: number; cursor?: string; sort?: string },
  sortable: Record<string, unknown>,
  defaultSort: string,
  defaultLimit = DEFAULT_LIMIT,
): ListParams {
  const raw = query.sort?.trim() || defaultSort;
  const descending = raw.startsWith('-');
  const sortKey = descending ? raw.slice(1) : raw;
  if (!Object.hasOwn(sortable, sortKey)) {
    const allowed = Object.keys(sortable).join(', ');
    throw new AppError('validation_failed', `Cannot sort by "${sortKey}". Sortable fields: ${allowed}`, [
      { path: 'sort', message: `unknown sort field; allowed: ${allowed}` },
    ]);
  }
  return { limit: Math.min(query.limit ?? defaultLimit, MAX_LIMIT), sortKey, descending, after: decodeCursor(query.cursor, raw) };
}

function decodeCursor(cursor: string | undefined, sort: string): ListParams['after'] {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const v = parsed?.v;
    const scalar = v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
    const idOk = typeof parsed?.id === 'string' || (typeof parsed?.id === 'number' && Number.isFinite(parsed.id));
    if (parsed && parsed.s === sort && idOk && scalar) return { v, id: parsed.id };
  } catch {
    // fall through
  }
  throw new AppError('validation_failed', 'The cursor is invalid or belongs to another sort order', [
    { path: 'cursor', message: 'invalid cursor' },
  ]);
}

function encodeCursor(sort: string, v: unknown, id: string | number): string {
  return Buffer.from(JSON.stringify({ s: sort, v: v ?? null, id }), 'utf8').toString('base64url');
}

/**
 * Applies order and the keyset condition for `params` to a query whose rows carry
 * `idColumn` and the sort value selected as `sortValueAlias`.
 */
export function applyKeyset<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  params: ListParams,
  sortable: Record<string, SortField>,
  idColumn: string,
): SelectQueryBuilder<DB, TB, O & { cursorValue: unknown }> {
  const field = sortable[params.sortKey] as SortField;
  const expr = typeof field.expr === 'string' ? sql.ref(field.expr) : field.expr;
  const id = sql.ref(idColumn);
  const dir = params.descending ? sql`desc` : sql`asc`;
  let q = qb
    .select(sql<unknown>`${expr}`.as('cursorValue'))
    .orderBy(sql`${expr} ${dir}`)
    .orderBy(sql`${id} ${dir}`) as unknown as SelectQueryBuilder<DB, TB, O & { cursorValue: unknown }>;
  const after = params.after;
  if (after) {
    q = q.where((_eb: ExpressionBuilder<DB, TB>) => keysetCondition(expr, id, after, params.descending));
  }
  return q.limit(params.limit + 1);
}

// SQLite orders NULL first ascending and last descending; the condition follows that order.
function keysetCondition(
  expr: Expression<unknown>,
  id: Expression<unknown>,
  after: { v: unknown; id: string | number },
  descending: boolean,
): Expression<SqlBool> {
  if (!descending) {
    if (after.v === null) return sql<SqlBool>`((${expr} IS NULL AND ${id} > ${after.id}) OR ${expr} IS NOT NULL)`;
    return sql<SqlBool>`(${expr} > ${after.v} OR (${expr} = ${after.v} AND ${id} > ${after.id}))`;
  }
  if (after.v === null) return sql<SqlBool>`(${expr} IS NULL AND ${id} < ${after.id})`;
  return sql<SqlBool>`(${expr} < ${after.v} OR ${expr} IS NULL OR (${expr} = ${after.v} AND ${id} < ${after.id}))`;
}

/**
 * Cuts the extra row fetched by applyKeyset and builds the next cursor from the last row kept
 * (keyed by its id, or by idOf for tables keyed otherwise).
 */
export function pageOf<R extends { cursorValue: unknown }>(
  rows: R[],
  params: ListParams,
  idOf: (row: R) => string | number = (row) => (row as unknown as { id: string }).id,
): { rows: R[]; nextCursor: string | null } {
  if (rows.length <= params.limit) return { rows, nextCursor: null };
  const kept = rows.slice(0, params.limit);
  const last = kept[kept.length - 1] as R;
  return { rows: kept, nextCursor: encodeCursor(sortOf(params), last.cursorValue, idOf(last)) };
}

function sortOf(params: ListParams): string {
  return `${params.descending ? '-' : ''}${params.sortKey}`;
}

/** Escapes LIKE wildcards so a search for "50%" matches literally (used with ESCAPE '\'). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function ref(expr: string | Expression<unknown>): Expression<unknown> {
  return typeof expr === 'string' ? sql.ref(expr) : expr;
}

/** The SQL condition of one filter for a value from the (validated) query string. */
function filterCondition(field: FilterField, value: unknown): Expression<SqlBool> {
  if (field.where) return field.where(value);
  const column = ref(field.expr);
  switch (field.kind ?? 'eq') {
    case 'tag':
      return sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ${String(value)})`;
    case 'nullable':
      return value === 'null' || value === '' || value === null
        ? sql<SqlBool>`${column} IS NULL`
        : sql<SqlBool>`${column} = ${String(value)}`;
    case 'ci':
      return sql<SqlBool>`lower(${column}) = lower(${String(value)})`;
    case 'phone': {
      const normalized = normalizePhone(String(value));
      return normalized ? sql<SqlBool>`${column} = ${normalized}` : sql<SqlBool>`0 = 1`;
    }
    case 'bool':
      return sql<SqlBool>`${column} = ${value === true || value === 'true' || value === 1 ? 1 : 0}`;
    default:
      return sql<SqlBool>`${column} = ${typeof value === 'number' ? value : String(value)}`;
  }
}

/** Applies every filter of `filters` that the query names (other query parameters are left alone). */
export function applyFilters<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  filters: Record<string, FilterField>,
  query: Record<string, unknown>,
): SelectQueryBuilder<DB, TB, O> {
  let q = qb;
  for (const [name, field] of Object.entries(filters)) {
    const value = Object.hasOwn(query, name) ? query[name] : undefined;
    if (value === undefined) continue;
    q = q.where(() => filterCondition(field, value));
  }
  return q;
}

/** `q` as a case-insensitive substring of any of the given expressions (LIKE wildcards in q match literally). */
export function containsText(...exprs: (string | Expression<unknown>)[]): (text: string) => Expression<SqlBool> {
  return (text) => {
    const pattern = likePattern(text.toLowerCase());
    const terms = exprs.map((e) => sql<SqlBool>`lower(${ref(e)}) LIKE ${pattern} ESCAPE '\\'`);
    return sql<SqlBool>`(${sql.join(terms, sql` OR `)})`;
  };
}

const CUSTOM_FIELD_SORT = 'customFields.<key>';

/** The `sort` query parameter, naming the allowed fields (checked at run time by parseListParams). */
export function sortParam(
  sortable: Record<string, unknown> | string[],
  defaultSort: string,
  opts: { customFields?: boolean } = {},
) {
  const names = [
    ...(Array.isArray(sortable) ? sortable : Object.keys(sortable)),
    ...(opts.customFields ? [CUSTOM_FIELD_SORT] : []),
  ];
  return Type.Optional(
    Type.String({ maxLength: 100, description: `One of ${names.join(', ')}; prefix - for descending (default ${defaultSort})` }),
  );
}

/** A list's query schema with its `sort` parameter naming the allowed fields (for lists with their own schema). */
export function withSort<T extends TObject>(
  query: T,
  sortable: Record<string, unknown> | string[],
  defaultSort: string,
  opts: { customFields?: boolean } = {},
): T {
  const { properties, additionalProperties, patternProperties } = query as TObject & {
    additionalProperties?: unknown;
    patternProperties?: unknown;
  };
  const options: Record<string, unknown> = { additionalProperties };
  if (patternProperties) options.patternProperties = patternProperties;
  return Type.Object({ ...properties, sort: sortParam(sortable, defaultSort, opts) }, options) as unknown as T;
}

/** The `limit` query parameter: 1…200, `defaultLimit` when not given. */
function limitParam(defaultLimit = DEFAULT_LIMIT) {
  return Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: defaultLimit, description: 'Page size' }));
}

const cursorParam = Type.Optional(Type.String({ maxLength: 500, description: 'nextCursor of the previous page' }));

/**
 * The query-string schema of a list: limit (1…200), cursor, sort (the allowed fields are named in its
 * description and checked at run time), q when the list searches, and one optional parameter per filter.
 * Anything else is a 400 naming the parameter. `extra` adds parameters that are not equality filters.
 */
export function listQuery(
  spec: ListShape,
  opts: { extra?: TProperties; patternProperties?: Record<string, unknown>; customFields?: boolean } = {},
): TObject {
  const properties: TProperties = {
    limit: limitParam(spec.defaultLimit),
    cursor: cursorParam,
    sort: sortParam(spec.sortable, spec.defaultSort, { customFields: opts.customFields }),
  };
  if (spec.search) properties.q = Type.Optional(Type.String({ maxLength: 200, description: 'text search' }));
  for (const [name, field] of Object.entries(spec.filters)) {
    properties[name] = Type.Optional(field.schema ?? Type.String({ maxLength: 200 }));
  }
  Object.assign(properties, opts.extra ?? {});
  const options: Record<string, unknown> = { additionalProperties: false };
  if (opts.patternProperties) options.patternProperties = opts.patternProperties;
  return Type.Object(properties, options);
}

/** One page of a list described by `spec`: its filters, q and order applied to `qb`. */
export async function listPage<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  spec: ListSpec,
  query: Record<string, unknown> & { limit?: number; cursor?: string; sort?: string; q?: string },
): Promise<{ rows: (O & { cursorValue: unknown })[]; nextCursor: string | null }> {
  const params = parseListParams(query, spec.sortable, spec.defaultSort, spec.defaultLimit);
  let q = applyFilters(qb, spec.filters, query);
  const text = typeof query.q === 'string' ? query.q.trim() : '';
  if (spec.search && text) {
    const search = spec.search;
    q = q.where(() => search(text));
  }
  const rows = await applyKeyset(q, params, spec.sortable, spec.idColumn).execute();
  const idColumn = spec.idColumn.slice(spec.idColumn.lastIndexOf('.') + 1);
  return pageOf(rows, params, (row) => (row as unknown as Record<string, string | number>)[idColumn] as string | number);
}

type SortValue = string | number | null;

/** Ascending order as SQLite has it: NULL first, numbers before text. */
function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a !== typeof b) return typeof a === 'number' ? -1 : 1;
  return a < b ? -1 : 1;
}

/** A list that is not an SQL table (shipped templates, computed lists), described like a ListSpec. */
export interface ItemListSpec<T> {
  sortable: Record<string, (item: T) => SortValue>;
  defaultSort: string;
  defaultLimit?: number;
  idOf: (item: T) => string;
  filters: Record<string, { schema?: TSchema; matches: (item: T, value: unknown) => boolean }>;
  search?: (item: T, text: string) => boolean;
}

/** One page of an in-memory list: filters, q and order as listPage has them, the same cursors. */
export function listItems<T>(
  items: T[],
  spec: ItemListSpec<T>,
  query: Record<string, unknown> & { limit?: number; cursor?: string; sort?: string; q?: string },
): { rows: T[]; nextCursor: string | null } {
  const params = parseListParams(query, spec.sortable, spec.defaultSort, spec.defaultLimit);
  const text = typeof query.q === 'string' ? query.q.trim() : '';
  const filters = Object.entries(spec.filters).filter(([name]) => Object.hasOwn(query, name) && query[name] !== undefined);
  const kept = items.filter(
    (item) =>
      filters.every(([name, filter]) => filter.matches(item, query[name])) && (!text || !spec.search || spec.search(item, text)),
  );
  return pageItems(kept, params, spec.sortable, spec.idOf);
}

/**
 * The same paging for lists that are not SQL tables (shipped templates, computed lists): sorts the items
 * by an allowlisted accessor and the id, and starts after the cursor, which has the same format.
 */
function pageItems<T>(
  items: T[],
  params: ListParams,
  sortable: Record<string, (item: T) => SortValue>,
  idOf: (item: T) => string,
): { rows: T[]; nextCursor: string | null } {
  const value = sortable[params.sortKey] as (item: T) => SortValue;
  const dir = params.descending ? -1 : 1;
  const compare = (va: SortValue, ia: string, vb: SortValue, ib: string) =>
    dir * (compareValues(va, vb) || compareValues(ia, ib));
  const after = params.after;
  const sorted = items
    .map((item) => ({ item, v: value(item), id: idOf(item) }))
    .filter((e) => !after || compare(e.v, e.id, after.v as SortValue, String(after.id)) > 0)
    .sort((a, b) => compare(a.v, a.id, b.v, b.id));
  const kept = sorted.slice(0, params.limit);
  const last = kept.at(-1);
  const nextCursor = sorted.length > params.limit && last ? encodeCursor(sortOf(params), last.v, last.id) : null;
  return { rows: kept.map((e) => e.item), nextCursor };
}

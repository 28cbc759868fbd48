import { type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { AppError } from './errors.ts';

/**
 * Cursor (keyset) pagination with allowlisted sort fields, shared by every list endpoint.
 * Sort fields map an API name to a trusted SQL expression; request data never reaches SQL text.
 */
export interface SortField {
  /** A column reference or a trusted expression, e.g. sql`lower(name)`. */
  expr: string | Expression<unknown>;
}

export interface ListParams {
  limit: number;
  sortKey: string;
  descending: boolean;
  after: { v: unknown; id: string } | null;
}

export function parseListParams(
  query: { limit?: number; cursor?: string; sort?: string },
  sortable: Record<string, SortField>,
  defaultSort: string,
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
  return { limit: Math.min(query.limit ?? 50, 200), sortKey, descending, after: decodeCursor(query.cursor, raw) };
}

function decodeCursor(cursor: string | undefined, sort: string): ListParams['after'] {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const v = parsed?.v;
    const scalar = v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
    if (parsed && parsed.s === sort && typeof parsed.id === 'string' && scalar) return { v, id: parsed.id };
  } catch {
    // fall through
  }
  throw new AppError('validation_failed', 'The cursor is invalid or belongs to another sort order', [
    { path: 'cursor', message: 'invalid cursor' },
  ]);
}

function encodeCursor(sort: string, v: unknown, id: string): string {
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
  after: { v: unknown; id: string },
  descending: boolean,
): Expression<SqlBool> {
  if (!descending) {
    if (after.v === null) return sql<SqlBool>`((${expr} IS NULL AND ${id} > ${after.id}) OR ${expr} IS NOT NULL)`;
    return sql<SqlBool>`(${expr} > ${after.v} OR (${expr} = ${after.v} AND ${id} > ${after.id}))`;
  }
  if (after.v === null) return sql<SqlBool>`(${expr} IS NULL AND ${id} < ${after.id})`;
  return sql<SqlBool>`(${expr} < ${after.v} OR ${expr} IS NULL OR (${expr} = ${after.v} AND ${id} < ${after.id}))`;
}

/** Cuts the extra row fetched by applyKeyset and builds the next cursor from the last row kept. */
export function pageOf<R extends { cursorValue: unknown; id: string }>(
  rows: R[],
  params: ListParams,
): { rows: R[]; nextCursor: string | null } {
  if (rows.length <= params.limit) return { rows, nextCursor: null };
  const kept = rows.slice(0, params.limit);
  const last = kept[kept.length - 1] as R;
  const sort = `${params.descending ? '-' : ''}${params.sortKey}`;
  return { rows: kept, nextCursor: encodeCursor(sort, last.cursorValue, last.id) };
}

/** Escapes LIKE wildcards so a search for "50%" matches literally (used with ESCAPE '\'). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

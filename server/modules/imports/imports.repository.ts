import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import type { DB, ImportStatus, ImportsTable } from '../../db/schema.ts';
import { containsText, type ListSpec, listPage } from '../../http/list.ts';
import type { RowError } from './import-job.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type ImportRow = Selectable<ImportsTable>;

/** The caller's imports, newest first. */
export const IMPORT_LIST: ListSpec = {
  defaultSort: '-createdAt',
  idColumn: 'imports.id',
  sortable: { createdAt: { expr: 'imports.createdAt' }, finishedAt: { expr: 'imports.finishedAt' } },
  filters: {
    status: {
      expr: 'imports.status',
      schema: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
    },
    entity: {
      expr: 'imports.entity',
      schema: Type.Union([Type.Literal('contact'), Type.Literal('company'), Type.Literal('deal')]),
    },
    mode: { expr: 'imports.mode', schema: Type.Union([Type.Literal('create'), Type.Literal('upsert')]) },
    dryRun: { expr: 'imports.dryRun', kind: 'bool', schema: Type.Boolean() },
  },
  search: containsText('imports.fileName'),
};

export async function insertImport(db: Db, row: ImportRow): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

export function findImport(db: Db, id: string): Promise<ImportRow | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An import is seen by whoever started it, and by administrators. */
export function findVisibleImport(db: Db, actor: Actor, id: string): Promise<ImportRow | undefined> {
  let q = db.selectFrom('imports').selectAll().where('id', '=', id);
  if (actor.role !== 'admin') q = q.where('userId', '=', actor.userId);
  return q.executeTakeFirst();
}

export function listOwnImports(db: Db, userId: string, query: Record<string, unknown>) {
  return listPage(db.selectFrom('imports').selectAll('imports').where('imports.userId', '=', userId), IMPORT_LIST, query);
}

export async function pendingImportIds(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('imports')
    .select('id')
    .where('status', 'in', ['queued', 'running'])
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function markRunning(db: Db, id: string, total: number, now: string): Promise<void> {
  await db
    .updateTable('imports')
    .set({ status: 'running', total, startedAt: sql<string>`coalesce(started_at, ${now})`, updatedAt: now })
    .where('id', '=', id)
    .execute();
}

export interface ChunkCounts {
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  companiesCreated: number;
}

/** Adds a chunk's counts; runs in the chunk's transaction, so progress and written rows never disagree. */
export async function addCounts(db: Db, id: string, c: ChunkCounts, now: string): Promise<void> {
  await db
    .updateTable('imports')
    .set((eb) => ({
      processed: eb('processed', '+', c.processed),
      created: eb('created', '+', c.created),
      updated: eb('updated', '+', c.updated),
      unchanged: eb('unchanged', '+', c.unchanged),
      failed: eb('failed', '+', c.failed),
      companiesCreated: eb('companiesCreated', '+', c.companiesCreated),
      updatedAt: now,
    }))
    .where('id', '=', id)
    .execute();
}

export async function insertErrors(db: Db, importId: string, errors: RowError[]): Promise<void> {
  for (let i = 0; i < errors.length; i += 200) {
    const batch = errors.slice(i, i + 200).map((e) => ({
      importId,
      row: e.row,
      message: e.message,
      values: JSON.stringify(e.values.map((v) => (v instanceof Date ? v.toISOString() : v))),
    }));
    if (batch.length > 0)
      await db
        .insertInto('importErrors')
        .values(batch)
        .onConflict((oc) => oc.doNothing())
        .execute();
  }
}

export async function finishImport(
  db: Db,
  id: string,
  status: Extract<ImportStatus, 'done' | 'failed'>,
  message: string | null,
  now: string,
): Promise<void> {
  await db
    .updateTable('imports')
    .set({
      status,
      message,
      storageName: null,
      finishedAt: now,
      updatedAt: now,
      version: sql<number>`version + 1`,
      // the total was counted up front by a quick scan; once done, what was processed is exact
      ...(status === 'done' ? { total: sql<number>`processed` } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Errors of an import in row order, a page at a time (after the given row). */
export function listErrors(db: Db, importId: string, afterRow: number, limit: number) {
  return db
    .selectFrom('importErrors')
    .select(['row', 'message', 'values'])
    .where('importId', '=', importId)
    .where('row', '>', afterRow)
    .orderBy('row')
    .limit(limit)
    .execute();
}

import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import { AppError, type FieldError, notFound } from '../../http/errors.ts';
import { listDefinitions } from '../custom-fields/custom-fields.repository.ts';
import { csvStream, type Lang, type SheetValue } from '../exports/spreadsheet.ts';
import { cellText } from './cell-values.ts';
import { readHead } from './file-source.ts';
import * as repo from './imports.repository.ts';
import type { Import, ImportSummary, Preview } from './imports.schemas.ts';
import { type ImportEntity, resolveMapping, suggestMapping, TARGETS } from './mapping.ts';
import { type ImportRunner, importableEntities } from './runner.ts';
import type { UploadedFile } from './upload.ts';

export function presentImportSummary(row: repo.ImportRow): ImportSummary {
  return {
    id: row.id,
    userId: row.userId,
    entity: row.entity,
    mode: row.mode,
    dryRun: row.dryRun === 1,
    status: row.status,
    fileName: row.fileName,
    total: row.total,
    processed: row.processed,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    failed: row.failed,
    companiesCreated: row.companiesCreated,
    message: row.message,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    updatedAt: row.updatedAt,
  };
}

export interface ImportRequest {
  entity: ImportEntity;
  mode: 'create' | 'upsert';
  dryRun: boolean;
  mapping: unknown;
}

const BOOLEAN: Record<string, boolean> = {
  true: true,
  '1': true,
  yes: true,
  on: true,
  false: false,
  '0': false,
  no: false,
  off: false,
  '': false,
};
const KNOWN_FIELDS = new Set(['entity', 'mapping', 'mode', 'dryRun']);

/** Checks the form fields of an import (before its file is read): entity, mode, dryRun and the mapping's targets. */
export async function checkImportFields(ctx: Ctx, fields: Map<string, string>): Promise<ImportRequest> {
  const entity = fields.get('entity');
  const errors: FieldError[] = [];
  for (const name of fields.keys()) if (!KNOWN_FIELDS.has(name)) errors.push({ path: name, message: 'is not a known field' });
  if (!entity) errors.push({ path: 'entity', message: 'is required (send the fields before the file)' });
  else if (!importableEntities.includes(entity as ImportEntity)) {
    errors.push({ path: 'entity', message: `must be one of ${importableEntities.join(', ')}` });
  }
  const mode = fields.get('mode') || 'create';
  if (mode !== 'create' && mode !== 'upsert') errors.push({ path: 'mode', message: 'must be create or upsert' });
  const dryRun = BOOLEAN[(fields.get('dryRun') ?? '').toLowerCase()];
  if (dryRun === undefined) errors.push({ path: 'dryRun', message: 'must be true or false' });
  let mapping: unknown;
  const rawMapping = fields.get('mapping');
  if (!rawMapping) errors.push({ path: 'mapping', message: 'is required (send the fields before the file)' });
  else {
    try {
      mapping = JSON.parse(rawMapping);
    } catch {
      errors.push({ path: 'mapping', message: 'must be a JSON object' });
    }
  }
  if (errors.length > 0) throw new AppError('validation_failed', errors.map((e) => `${e.path} ${e.message}`).join('; '), errors);
  const request: ImportRequest = {
    entity: entity as ImportEntity,
    mode: mode as ImportRequest['mode'],
    dryRun: !!dryRun,
    mapping,
  };
  resolveMapping(request.entity, request.mode, mapping, await listDefinitions(ctx.db, request.entity));
  return request;
}

/** Accepts an import: checks the mapping against the file's header row, stores the upload and queues the job. */
export async function startImport(ctx: Ctx, runner: ImportRunner, actor: Actor, req: ImportRequest, file: UploadedFile) {
  const head = await readHead(file.buffer, file.name, 0);
  resolveMapping(req.entity, req.mode, req.mapping, await listDefinitions(ctx.db, req.entity), head.headers);
  const id = newId();
  const now = isoNow(ctx.clock);
  const storageName = `${id}.${head.kind}`;
  await fs.promises.mkdir(runner.uploadDir, { recursive: true, mode: 0o700 });
  await fs.promises.writeFile(path.join(runner.uploadDir, storageName), file.buffer, { mode: 0o600 });
  const row: repo.ImportRow = {
    id,
    userId: actor.userId,
    entity: req.entity,
    mode: req.mode,
    dryRun: req.dryRun ? 1 : 0,
    status: 'queued',
    fileName: path.basename(file.name).slice(0, 200),
    fileKind: head.kind,
    storageName,
    mapping: JSON.stringify(req.mapping),
    headers: JSON.stringify(head.headers),
    actor: JSON.stringify(actor),
    total: 0,
    processed: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    companiesCreated: 0,
    message: null,
    startedAt: null,
    finishedAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await repo.insertImport(ctx.db, row);
  runner.enqueue(id);
  return presentImport(row, []);
}

function presentImport(row: repo.ImportRow, errors: { row: number; message: string }[]): Import {
  return { ...presentImportSummary(row), errors, errorReport: `/api/v1/imports/${row.id}/errors.csv` };
}

/** An import the actor started (or any, for an administrator), with its first 100 errors. */
export async function getImport(ctx: Ctx, actor: Actor, id: string): Promise<Import> {
  const row = await repo.findVisibleImport(ctx.db, actor, id);
  if (!row) throw notFound('Import');
  const errors = await repo.listErrors(ctx.db, id, 0, 100);
  return presentImport(
    row,
    errors.map((e) => ({ row: e.row, message: e.message })),
  );
}

export async function listImports(ctx: Ctx, actor: Actor, query: Record<string, unknown>) {
  const page = await repo.listOwnImports(ctx.db, actor.userId, query);
  return { data: page.rows.map(presentImportSummary), nextCursor: page.nextCursor };
}

async function* errorPages(ctx: Ctx, id: string): AsyncGenerator<SheetValue[][]> {
  let after = 0;
  for (;;) {
    const rows = await repo.listErrors(ctx.db, id, after, 1000);
    if (rows.length === 0) return;
    yield rows.map((r) => [r.row, r.message, ...(JSON.parse(r.values) as SheetValue[])]);
    after = (rows.at(-1) as { row: number }).row;
  }
}

/** Every failed row with its message and its original values, as CSV (formula-safe). */
export async function errorReport(ctx: Ctx, actor: Actor, id: string, lang: Lang) {
  const row = await repo.findVisibleImport(ctx.db, actor, id);
  if (!row) throw notFound('Import');
  const headers = JSON.parse(row.headers) as string[];
  const columns = [
    { header: lang === 'de' ? 'Zeile' : 'Row', type: 'number' as const },
    { header: lang === 'de' ? 'Fehler' : 'Error', type: 'text' as const },
    ...headers.map((header) => ({ header, type: 'text' as const })),
  ];
  return {
    fileName: `${lang === 'de' ? 'import-fehler' : 'import-errors'}-${row.id}.csv`,
    contentType: 'text/csv; charset=utf-8',
    stream: csvStream(columns, errorPages(ctx, id), lang),
  };
}

/** The header, the first rows and a suggested mapping of a file, without importing anything. */
export async function previewImport(ctx: Ctx, fields: Map<string, string>, file: UploadedFile): Promise<Preview> {
  const entity = (fields.get('entity') || 'contact') as ImportEntity;
  if (!importableEntities.includes(entity)) {
    throw new AppError('validation_failed', `entity must be one of ${importableEntities.join(', ')}`, [
      { path: 'entity', message: `must be one of ${importableEntities.join(', ')}` },
    ]);
  }
  const head = await readHead(file.buffer, file.name, 10);
  const defs = await listDefinitions(ctx.db, entity);
  return {
    format: head.kind,
    encoding: head.encoding,
    delimiter: head.delimiter,
    headers: head.headers,
    rows: head.rows.map((r) => head.headers.map((_, i) => cellText(r.cells[i] ?? null))),
    suggestedMapping: suggestMapping(entity, head.headers, defs),
    fields: [...TARGETS[entity], ...defs.map((d) => `customFields.${d.key}`)],
  };
}

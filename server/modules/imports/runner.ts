import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTick } from 'node:timers/promises';
import type { Actor } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../http/errors.ts';
import { listDefinitions } from '../custom-fields/custom-fields.repository.ts';
import { companyProcessor } from './company-importer.ts';
import { contactProcessor } from './contact-importer.ts';
import { dealProcessor } from './deal-importer.ts';
import { countDataRows, fileRows, unreadable } from './file-source.ts';
import { type ChunkRow, type ImportJob, ImportState, type Processor } from './import-job.ts';
import * as repo from './imports.repository.ts';
import { type ImportEntity, resolveMapping } from './mapping.ts';
import { readRow } from './row-input.ts';

/** Rows per transaction: short enough that other requests barely wait for the one SQLite writer. */
export const CHUNK_ROWS = 500;
/** The most data rows one import takes. */
export const MAX_ROWS = 250_000;

/** Per entity, how its rows are written. */
const PROCESSORS: Record<ImportEntity, (state: ImportState) => Processor> = {
  contact: contactProcessor,
  company: companyProcessor,
  deal: dealProcessor,
};

export const importableEntities = Object.keys(PROCESSORS) as ImportEntity[];

/**
 * Runs imports one after another in the background, a chunk per transaction, yielding to the event
 * loop between chunks. Progress is committed with each chunk, so after a restart an interrupted
 * import resumes where it stopped (its upload is kept until it finishes).
 */
export class ImportRunner {
  readonly #queue: string[] = [];
  #running: Promise<void> | null = null;
  #stopping = false;

  constructor(
    private readonly ctx: Ctx,
    readonly uploadDir: string,
  ) {}

  enqueue(id: string): void {
    if (!this.#queue.includes(id)) this.#queue.push(id);
    this.#kick();
  }

  /** Picks up imports a previous process left queued or running, and removes uploads nothing waits for. */
  async resume(): Promise<void> {
    const pending = await repo.pendingImportIds(this.ctx.db);
    const files = fs.existsSync(this.uploadDir) ? await fs.promises.readdir(this.uploadDir) : [];
    for (const file of files) {
      if (!pending.some((id) => file.startsWith(`${id}.`)))
        await fs.promises.rm(path.join(this.uploadDir, file), { force: true });
    }
    for (const id of pending) this.enqueue(id);
  }

  /** Stops after the current chunk (it commits or rolls back whole); unfinished imports resume on the next start. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await this.#running;
  }

  /** Resolves once the queue is empty (tests and benchmarks). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  #kick(): void {
    if (this.#running || this.#stopping) return;
    this.#running = nextTick()
      .then(() => this.#drain())
      .finally(() => {
        this.#running = null;
        if (this.#queue.length > 0) this.#kick();
      });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0 && !this.#stopping) {
      const id = this.#queue.shift() as string;
      try {
        await this.#run(id);
      } catch (err) {
        const known = err instanceof AppError;
        if (!known) this.ctx.log.error({ err, importId: id }, 'import failed');
        const message = known
          ? err.message
          : 'The import stopped because of an internal error; the rows before it were imported.';
        await this.#finish(id, 'failed', message);
      }
    }
  }

  async #finish(id: string, status: 'done' | 'failed', message: string | null): Promise<void> {
    const row = await repo.findImport(this.ctx.db, id);
    await repo.finishImport(this.ctx.db, id, status, message, isoNow(this.ctx.clock));
    if (row?.storageName) await fs.promises.rm(path.join(this.uploadDir, row.storageName), { force: true });
  }

  async #run(id: string): Promise<void> {
    const row = await repo.findImport(this.ctx.db, id);
    if (!row || (row.status !== 'queued' && row.status !== 'running')) return;
    const file = row.storageName ? path.join(this.uploadDir, row.storageName) : null;
    if (!file || !fs.existsSync(file))
      throw new AppError('unprocessable', 'The uploaded file is no longer there; upload it again');
    const job = await this.#job(row);
    let total: number;
    try {
      total = await countDataRows(file, row.fileKind);
    } catch (err) {
      throw unreadable(err);
    }
    if (total > MAX_ROWS) {
      throw new AppError('unprocessable', `The file has ${total} rows; one import takes at most ${MAX_ROWS}. Split the file.`);
    }
    await repo.markRunning(this.ctx.db, id, total, isoNow(this.ctx.clock));
    const processChunk = PROCESSORS[job.entity](new ImportState(job));
    let skip = row.processed;
    let chunk: ChunkRow[] = [];
    let header = true;
    try {
      for await (const r of fileRows(file, row.fileKind)) {
        if (header) {
          header = false;
          continue;
        }
        if (skip > 0) {
          skip--;
          continue;
        }
        chunk.push({ row: r.row, cells: r.cells, values: readRow(r.cells, job.mapping) });
        if (chunk.length < CHUNK_ROWS) continue;
        await this.#commit(id, processChunk, chunk);
        chunk = [];
        if (this.#stopping) return;
        await nextTick();
      }
    } catch (err) {
      if (err instanceof Error && 'code' in err && String(err.code).startsWith('CSV_')) throw unreadable(err);
      throw err;
    }
    if (chunk.length > 0) await this.#commit(id, processChunk, chunk);
    await this.#finish(id, 'done', null);
  }

  async #job(row: repo.ImportRow): Promise<ImportJob> {
    const entity = row.entity as ImportEntity;
    if (!PROCESSORS[entity]) throw new AppError('unprocessable', `Importing ${row.entity} records is not possible`);
    const defs = {
      contact: await listDefinitions(this.ctx.db, 'contact'),
      company: await listDefinitions(this.ctx.db, 'company'),
      deal: await listDefinitions(this.ctx.db, 'deal'),
    };
    const headers = JSON.parse(row.headers) as string[];
    const mapping = resolveMapping(entity, row.mode, JSON.parse(row.mapping), defs[entity], headers);
    const actor = JSON.parse(row.actor) as Actor;
    return { id: row.id, fileName: row.fileName, actor, entity, mode: row.mode, dryRun: row.dryRun === 1, mapping, defs };
  }

  async #commit(id: string, processChunk: Processor, chunk: ChunkRow[]): Promise<void> {
    const now = isoNow(this.ctx.clock);
    await this.ctx.db.transaction().execute(async (trx) => {
      const result = await processChunk(trx, chunk, now);
      await repo.insertErrors(trx, id, result.errors);
      await repo.addCounts(
        trx,
        id,
        {
          processed: chunk.length,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          failed: result.errors.length,
          companiesCreated: result.companiesCreated,
        },
        now,
      );
    });
  }
}

import type { Actor } from '../../core/actor.ts';
import { isAdmin } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import { VERSION } from '../../core/paths.ts';
import { AppError, forbidden, notFound } from '../../http/errors.ts';
import { createBackup } from './backup.ts';
import { newBackupId } from './backup-names.ts';
import type { BackupJob, BackupOverview } from './backups.schemas.ts';
import { backupArchive, lastFailure, listBackups } from './catalog.ts';

function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw forbidden('Only an administrator can manage backups');
}

/** The backup an admin started from the UI (one at a time per server); its progress is polled. */
export class BackupRunner {
  #job: BackupJob | null = null;
  #running: Promise<void> | null = null;
  readonly #abort = new AbortController();

  constructor(private readonly ctx: Ctx) {}

  get job(): BackupJob | null {
    return this.#job ? { ...this.#job } : null;
  }

  start(): BackupJob {
    if (this.#job?.state === 'running') throw new AppError('conflict', 'A backup is already running');
    const { config, clock, log } = this.ctx;
    const now = clock.now();
    const id = newBackupId(config.backupDir, now, 'manual');
    const job: BackupJob = {
      id,
      state: 'running',
      phase: 'database',
      done: 0,
      total: 0,
      startedAt: now.toISOString(),
      finishedAt: null,
      error: null,
      sizeBytes: null,
    };
    this.#job = job;
    this.#running = createBackup({
      dataDir: config.dataDir,
      backupDir: config.backupDir,
      id,
      kind: 'manual',
      kontorVersion: VERSION,
      now,
      signal: this.#abort.signal,
      onProgress: (p) => Object.assign(job, p),
    }).then(
      (result) => {
        Object.assign(job, { state: 'done', finishedAt: clock.now().toISOString(), sizeBytes: result.sizeBytes });
        log.info({ backup: id, sizeBytes: result.sizeBytes, ms: result.durationMs }, 'backup written');
      },
      (err: Error) => {
        Object.assign(job, { state: 'failed', finishedAt: clock.now().toISOString(), error: err.message });
        log.error({ err, backup: id }, 'backup failed');
      },
    );
    return { ...job };
  }

  /** Waits for the running backup (tests, shutdown). */
  async settled(): Promise<void> {
    await this.#running;
  }

  /** On shutdown: stop a running backup (its work folder is removed) and wait for it. */
  async close(): Promise<void> {
    this.#abort.abort();
    await this.#running;
  }
}

export async function overview(ctx: Ctx, actor: Actor, runner: BackupRunner): Promise<BackupOverview> {
  assertAdmin(actor);
  const dir = ctx.config.backupDir;
  return { directory: dir, items: await listBackups(dir), job: runner.job, lastFailure: lastFailure(dir) };
}

export function startBackup(actor: Actor, runner: BackupRunner): BackupJob {
  assertAdmin(actor);
  return runner.start();
}

/** The archive file of a backup, for download; only ids of backups in the backup folder resolve. */
export function backupFile(ctx: Ctx, actor: Actor, id: string): string {
  assertAdmin(actor);
  const file = backupArchive(ctx.config.backupDir, id);
  if (!file) throw notFound('Backup');
  return file;
}

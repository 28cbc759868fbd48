import type { Transaction } from 'kysely';
import cron, { type ScheduledTask } from 'node-cron';
import type { Ctx } from '../../core/context.ts';
import { type AfterCommit, inTransaction } from '../../core/tx.ts';
import type { DB, ScheduledJobRow } from '../../db/schema.ts';
import * as jobs from './jobs.repository.ts';

export type JobHandler = (trx: Transaction<DB>, job: ScheduledJobRow, after: AfterCommit) => Promise<void>;
/** A handler that keeps its own transactions (each of its effects must be idempotent or guarded). */
export type PlainJobHandler = (job: ScheduledJobRow) => Promise<void>;

/** A failing job is tried this often in all, with backoff of 1, 2, 4, 8 minutes. */
export const MAX_ATTEMPTS = 5;

/**
 * The durable scheduler (CONVENTIONS 8): node-cron only wakes it; what is due lives in scheduled_jobs.
 * Each job runs in one transaction together with marking it done, so a crash or restart neither loses
 * nor doubles it, and after downtime every missed job fires exactly once on the first tick.
 */
export class Scheduler {
  readonly #handlers = new Map<string, JobHandler>();
  readonly #plain = new Map<string, PlainJobHandler>();
  readonly #tickHooks: (() => Promise<void>)[] = [];
  #cron: ScheduledTask | null = null;
  #ticking: Promise<number> | null = null;
  #again: Promise<number> | null = null;
  #lastTick = 0;

  constructor(private readonly ctx: Ctx) {}

  register(kind: string, handler: JobHandler): void {
    this.#handlers.set(kind, handler);
  }

  /**
   * Registers work that runs several transactions of its own (a workflow run executes step by step,
   * each step committed with its cursor); the job is marked done after it returns.
   */
  registerPlain(kind: string, handler: PlainJobHandler): void {
    this.#plain.set(kind, handler);
  }

  /** Work that runs on every tick after the jobs (e.g. the mail outbox). */
  onTick(hook: () => Promise<void>): void {
    this.#tickHooks.push(hook);
  }

  /**
   * Runs everything due now. A call during a running tick gets one more pass after it (which sees jobs
   * scheduled meanwhile); concurrent callers share both. Returns how many jobs ran.
   */
  tick(): Promise<number> {
    if (this.#ticking) {
      this.#again ??= this.#ticking.then(() => {
        this.#again = null;
        return this.tick();
      });
      return this.#again;
    }
    this.#ticking = this.#runDue().finally(() => {
      this.#ticking = null;
    });
    return this.#ticking;
  }

  /** Runs one pending job now, by its slot key (an event journaled for automation); no-op when already done. */
  async runSlot(slotKey: string): Promise<void> {
    const job = await jobs.pendingBySlot(this.ctx.db, slotKey);
    if (job) await this.#runOne(job.id);
  }

  async #runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const now = this.ctx.clock.now().toISOString();
      const due = await jobs.dueJobs(this.ctx.db, now, 100);
      if (due.length === 0) break;
      for (const job of due) if (await this.#runOne(job.id)) ran++;
      if (due.length < 100) break;
    }
    for (const hook of this.#tickHooks) {
      try {
        await hook();
      } catch (err) {
        this.ctx.log.error({ err }, 'scheduler tick hook failed');
      }
    }
    return ran;
  }

  async #runOne(id: string): Promise<boolean> {
    const now = this.ctx.clock.now().toISOString();
    try {
      const pending = await jobs.lockPending(this.ctx.db, id);
      const plain = pending ? this.#plain.get(pending.kind) : undefined;
      if (pending && plain) {
        await plain(pending);
        await jobs.markDone(this.ctx.db, id, now);
        return true;
      }
      return await inTransaction(this.ctx, async (trx, after) => {
        const job = await jobs.lockPending(trx, id);
        if (!job) return false;
        const handler = this.#handlers.get(job.kind);
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(trx, job, after);
        await jobs.markDone(trx, job.id, now);
        return true;
      });
    } catch (err) {
      const job = await jobs.lockPending(this.ctx.db, id);
      if (job) {
        const final = job.attempts + 1 >= MAX_ATTEMPTS;
        const retryAt = new Date(this.ctx.clock.now().getTime() + 60_000 * 2 ** job.attempts).toISOString();
        this.ctx.log.error({ err, jobId: id, kind: job.kind, attempts: job.attempts + 1, final }, 'scheduled job failed');
        await jobs.markFailedAttempt(this.ctx.db, job, (err as Error).message, retryAt, final);
      }
      return false;
    }
  }

  /** Starts ticking every KONTOR_SCHEDULER_TICK_SECONDS (node-cron wakes it each second), with a catch-up tick now. */
  start(): void {
    const every = this.ctx.config.schedulerTickSeconds * 1000;
    this.#lastTick = Date.now();
    void this.tick();
    this.#cron = cron.schedule('* * * * * *', () => {
      if (Date.now() - this.#lastTick < every) return;
      this.#lastTick = Date.now();
      void this.tick();
    });
  }

  async stop(): Promise<void> {
    await this.#cron?.stop();
    this.#cron = null;
    await this.#ticking;
  }
}

import fs from 'node:fs';
import type { Transaction } from 'kysely';
import type { Ctx } from '../../core/context.ts';
import type { Cause, DomainEvent } from '../../core/events.ts';
import { newId } from '../../core/ids.ts';
import type { RowChange } from '../../core/row-changes.ts';
import { type AfterCommit, inTransaction } from '../../core/tx.ts';
import type { DB, ScheduledJobRow, WorkflowRow, WorkflowRunRow } from '../../db/schema.ts';
import { prepareIssue } from '../documents/documents.service.ts';
import { scheduleJob } from '../scheduler/jobs.repository.ts';
import { EVENT_JOB } from '../scheduler/publish.ts';
import { MAX_ATTEMPTS, type Scheduler } from '../scheduler/scheduler.ts';
import { loadContext, matches } from './context.ts';
import { parseCron, previousSlot } from './cron.ts';
import type { Definition, Step, Trigger } from './definition.ts';
import { runStep, WEBHOOK_JOB } from './steps.ts';
import * as triggerRepo from './triggers.repository.ts';
import { getWorkflowSecret } from './triggers.repository.ts';
import { DATE_JOB, fireAtOf, recordField, SCHEDULE_JOB, scheduleNextCronSlot, syncRecordSlot, TIME_ZONE } from './triggers.ts';
import { postWebhook, signature, WebhookError } from './webhook.ts';

export const STEP_JOB = 'workflow.step';
const MAX_DEPTH = 5;
const MAX_STEPS_PER_RUN = 500;

/** Which trigger types an event can start. */
function triggersFor(event: DomainEvent): { type: Trigger['type']; entity?: string }[] {
  const [entity, action] = event.type.split('.') as [string, string];
  const out: { type: Trigger['type']; entity?: string }[] = [];
  if (action === 'created') out.push({ type: 'record.created', entity });
  if (action === 'updated') out.push({ type: 'record.updated', entity });
  if (['deal.stage_changed', 'deal.won', 'deal.lost', 'deal.paid', 'task.completed', 'form.submitted'].includes(event.type))
    out.push({ type: event.type as Trigger['type'] });
  return out;
}

function refsOf(event: DomainEvent): {
  dealId?: string | null;
  contactId?: string | null;
  companyId?: string | null;
  taskId?: string | null;
} {
  const d = event.data ?? {};
  switch (event.entityType) {
    case 'deal':
      return { dealId: event.entityId };
    case 'contact':
      return { contactId: event.entityId };
    case 'company':
      return { companyId: event.entityId };
    case 'task':
      return { taskId: event.entityId };
    default:
      return { dealId: (d.dealId as string) ?? null, contactId: (d.contactId as string) ?? null };
  }
}

const RECORD_ENTITIES = ['contact', 'company', 'deal', 'task'] as const;

/** record.updated with `field` (and `changedTo`): did this update change that field (to that value)? */
function fieldChanged(t: Trigger, data: Record<string, unknown>): boolean {
  if (t.type !== 'record.updated' || !t.field) return true;
  const field = recordField(t, t.field);
  const change = ((data.changes ?? []) as RowChange[]).find((c) => c.field === field);
  if (!change) return false;
  if (t.changedTo === undefined) return true;
  if (t.changedTo === null) return change.to === null || change.to === '';
  return change.to !== null && String(change.to) === String(t.changedTo);
}

/** A path into nested steps: [2] or [3, 'then', 0]. */
type Cursor = (number | 'then' | 'else')[];

function stepAt(steps: Step[], cursor: Cursor): Step | undefined {
  let list: Step[] | undefined = steps;
  let step: Step | undefined;
  for (let i = 0; i < cursor.length; i += 2) {
    step = list?.[cursor[i] as number];
    if (i + 1 < cursor.length) list = step?.[cursor[i + 1] as 'then' | 'else'] as Step[] | undefined;
  }
  return step;
}

/** The step after `cursor`: the next in its list, else the one after the enclosing if. */
function advance(steps: Step[], cursor: Cursor): Cursor | null {
  let c = [...cursor];
  for (;;) {
    c[c.length - 1] = (c[c.length - 1] as number) + 1;
    if (stepAt(steps, c)) return c;
    if (c.length === 1) return null;
    c = c.slice(0, -2);
  }
}

/**
 * The workflow engine. Events (after commit) start runs of matching, enabled workflows; a run lives in
 * workflow_runs and is executed by scheduler jobs, one step per transaction together with its log row and
 * the cursor move, so a crash or restart neither repeats nor loses a step, and a wait resumes once.
 */
export class WorkflowEngine {
  constructor(
    private readonly ctx: Ctx,
    private readonly scheduler: Scheduler,
  ) {
    // the bus delivers a journaled event right after commit: dispatch it now instead of on the next tick
    ctx.events.on('*', (event) => (event.journal ? scheduler.runSlot(event.journal) : undefined));
    scheduler.register(EVENT_JOB, (trx, job, after) => this.dispatch(trx, JSON.parse(job.payload) as DomainEvent, after));
    scheduler.registerPlain(STEP_JOB, (job) => this.continueRun((JSON.parse(job.payload) as { runId: string }).runId));
    scheduler.register(SCHEDULE_JOB, (trx, job, after) => this.fireSchedule(trx, job, after));
    scheduler.register(DATE_JOB, (trx, job, after) => this.fireDate(trx, job, after));
    scheduler.registerPlain(WEBHOOK_JOB, (job) => this.deliverWebhook(job));
  }

  /**
   * A journaled event (see publish()): starts the runs of every matching, enabled workflow and moves the
   * record's date-trigger slots, all in the scheduler job's transaction — so exactly once, even across a
   * crash between the change's commit and this dispatch.
   */
  async dispatch(trx: Transaction<DB>, event: DomainEvent, after: AfterCommit): Promise<void> {
    const depth = (event.data?.causedBy as Cause | undefined)?.depth ?? 0;
    if (depth >= MAX_DEPTH) {
      this.ctx.log.warn({ event: event.type, entityId: event.entityId }, 'workflow depth limit reached; not starting more runs');
      return;
    }
    await this.followDates(trx, event);
    const candidates = triggersFor(event);
    if (candidates.length === 0) return;
    const workflows = await triggerRepo.enabledWorkflows(
      trx,
      candidates.map((c) => c.type),
    );
    for (const wf of workflows) {
      const def = JSON.parse(wf.definition) as Definition;
      const t = def.trigger;
      const cand = candidates.find((c) => c.type === t.type);
      if (!cand || (t.entity && cand.entity && t.entity !== cand.entity)) continue;
      const data = event.data ?? {};
      if (t.formKey && data.formKey !== t.formKey) continue;
      if (t.toStageId && data.toStageId !== t.toStageId) continue;
      if (t.taskType && data.type !== t.taskType) continue;
      if (!fieldChanged(t, data)) continue;
      const rc = await loadContext(trx, refsOf(event), { type: event.type, ...data });
      if (t.pipelineId && rc.deal?.pipelineId !== t.pipelineId) continue;
      if (!matches(rc, def.conditions)) continue;
      await this.insertRun(trx, after, wf, event, depth + 1);
    }
  }

  async startRun(
    wf: WorkflowRow,
    event: Pick<DomainEvent, 'type' | 'entityType' | 'entityId' | 'data'>,
    depth = 1,
  ): Promise<WorkflowRunRow> {
    return inTransaction(this.ctx, (trx, after) => this.insertRun(trx, after, wf, event, depth));
  }

  /** Creates a run and its first step job inside the caller's transaction. */
  async insertRun(
    trx: Transaction<DB>,
    after: AfterCommit,
    wf: WorkflowRow,
    event:
      | Pick<DomainEvent, 'type' | 'entityType' | 'entityId' | 'data'>
      | { type: string; entityType: null; entityId: null; data: Record<string, unknown> },
    depth = 1,
  ): Promise<WorkflowRunRow> {
    const now = this.ctx.clock.now().toISOString();
    const refs = event.entityId ? refsOf(event as DomainEvent) : {};
    const rc = await loadContext(trx, refs, {});
    const run: WorkflowRunRow = {
      id: newId(),
      workflowId: wf.id,
      workflowVersion: wf.definitionVersion,
      status: 'running',
      trigger: JSON.stringify({
        type: event.type,
        entityType: event.entityType,
        entityId: event.entityId,
        data: event.data ?? {},
        refs,
      }),
      entityType: event.entityType,
      entityId: event.entityId,
      dealId: (rc.deal?.id as string) ?? null,
      cursor: '[0]',
      vars: '{}',
      depth,
      error: null,
      waitUntil: null,
      startedAt: now,
      finishedAt: null,
      updatedAt: now,
    };
    await trx.insertInto('workflowRuns').values(run).execute();
    await scheduleJob(trx, { kind: STEP_JOB, slotKey: `wfrun:${run.id}:start`, dueAt: now, payload: { runId: run.id } }, now);
    after(() => void this.scheduler.tick());
    return run;
  }

  /** Date triggers follow their records: a created, changed, cleared or deleted date moves its slot. */
  private async followDates(trx: Transaction<DB>, event: DomainEvent): Promise<void> {
    if (!(RECORD_ENTITIES as readonly string[]).includes(event.entityType)) return;
    const workflows = (await triggerRepo.enabledWorkflows(trx, ['date'])).filter(
      (wf) => (JSON.parse(wf.definition) as Definition).trigger.entity === event.entityType,
    );
    if (workflows.length === 0) return;
    const now = this.ctx.clock.now().toISOString();
    for (const wf of workflows) {
      const t = (JSON.parse(wf.definition) as Definition).trigger;
      const value = event.type.endsWith('.deleted')
        ? null
        : await triggerRepo.recordDate(
            trx,
            event.entityType as triggerRepo.TriggerEntity,
            event.entityId,
            recordField(t, t.dateField ?? ''),
          );
      await syncRecordSlot(trx, wf, event.entityId, value, now);
    }
  }

  /** A cron slot is due: one run (the latest missed slot when the server was down) and the next slot. */
  private async fireSchedule(trx: Transaction<DB>, job: ScheduledJobRow, after: AfterCommit): Promise<void> {
    const p = JSON.parse(job.payload) as { workflowId: string; version: number; slot: string };
    const wf = await trx.selectFrom('workflows').selectAll().where('id', '=', p.workflowId).executeTakeFirst();
    if (wf?.enabled !== 1 || wf.definitionVersion !== p.version) return;
    const nowDate = this.ctx.clock.now();
    const def = JSON.parse(wf.definition) as Definition;
    const slot = previousSlot(parseCron(def.trigger.cron ?? ''), nowDate, TIME_ZONE)?.toISOString() ?? p.slot;
    await this.insertRun(trx, after, wf, {
      type: 'schedule',
      entityType: null,
      entityId: null,
      data: { slot, scheduledFor: p.slot, late: slot !== p.slot },
    });
    await scheduleNextCronSlot(trx, wf, nowDate, nowDate.toISOString());
  }

  /** A record's date slot is due: run once, if the record still has that date and passes the conditions. */
  private async fireDate(trx: Transaction<DB>, job: ScheduledJobRow, after: AfterCommit): Promise<void> {
    const p = JSON.parse(job.payload) as {
      workflowId: string;
      version: number;
      entityType: triggerRepo.TriggerEntity;
      entityId: string;
      fireAt: string;
    };
    const wf = await trx.selectFrom('workflows').selectAll().where('id', '=', p.workflowId).executeTakeFirst();
    if (wf?.enabled !== 1 || wf.definitionVersion !== p.version) return;
    const def = JSON.parse(wf.definition) as Definition;
    const field = recordField(def.trigger, def.trigger.dateField ?? '');
    const value = await triggerRepo.recordDate(trx, p.entityType, p.entityId, field);
    if (fireAtOf(value, def.trigger.offsetMinutes ?? 0)?.toISOString() !== p.fireAt) return;
    const event = {
      type: 'date' as never,
      entityType: p.entityType,
      entityId: p.entityId,
      data: { dateField: field, value, fireAt: p.fireAt },
    };
    const rc = await loadContext(trx, refsOf(event as unknown as DomainEvent), { type: 'date', ...event.data });
    if (!matches(rc, def.conditions)) return;
    await this.insertRun(trx, after, wf, event);
  }

  /** Sends a webhook step's call (outside any transaction); retried with backoff by the scheduler. */
  private async deliverWebhook(job: ScheduledJobRow): Promise<void> {
    const p = JSON.parse(job.payload) as {
      runId: string;
      cursor: string;
      url: string;
      body: string;
      timeoutSeconds: number;
      event: string;
    };
    const run = await this.ctx.db.selectFrom('workflowRuns').selectAll().where('id', '=', p.runId).executeTakeFirst();
    if (run?.status !== 'waiting' || run.cursor !== p.cursor) return;
    const secret = await getWorkflowSecret(this.ctx.db, run.workflowId);
    if (!secret) return this.fail(run, 'webhook: the workflow has no signing secret', p.cursor, 'webhook');
    const t = Math.floor(this.ctx.clock.now().getTime() / 1000);
    try {
      const result = await postWebhook(
        p.url,
        p.body,
        { 'x-kontor-signature': signature(secret, t, p.body), 'x-kontor-event': p.event, 'x-kontor-delivery': job.id },
        { allowPrivate: this.ctx.config.webhookAllowPrivate, timeoutMs: p.timeoutSeconds * 1000 },
      );
      await this.completeSuspended(run.id, p.cursor, {
        url: p.url,
        status: result.status,
        ms: result.ms,
        attempts: job.attempts + 1,
        answer: result.body.slice(0, 500),
      });
    } catch (err) {
      const message = `webhook: ${(err as Error).message}`;
      const final = !(err instanceof WebhookError && err.retryable) || job.attempts + 1 >= MAX_ATTEMPTS;
      if (final) return this.fail(run, message, p.cursor, 'webhook');
      await this.ctx.db
        .insertInto('workflowRunSteps')
        .values({
          id: newId(),
          runId: run.id,
          path: p.cursor,
          type: 'webhook',
          status: 'retrying',
          output: JSON.stringify({ attempt: job.attempts + 1 }),
          error: message.slice(0, 2000),
          at: this.ctx.clock.now().toISOString(),
        })
        .execute();
      throw err;
    }
  }

  /** A suspended step (webhook) finished: log its result and continue after it. */
  private async completeSuspended(runId: string, cursorText: string, output: unknown): Promise<void> {
    const now = this.ctx.clock.now().toISOString();
    await inTransaction(this.ctx, async (trx, after) => {
      const run = await trx.selectFrom('workflowRuns').selectAll().where('id', '=', runId).executeTakeFirst();
      if (run?.status !== 'waiting' || run.cursor !== cursorText) return;
      const version = await trx
        .selectFrom('workflowVersions')
        .select('definition')
        .where('workflowId', '=', run.workflowId)
        .where('version', '=', run.workflowVersion)
        .executeTakeFirstOrThrow();
      const next = advance((JSON.parse(version.definition) as Definition).steps, JSON.parse(cursorText) as Cursor);
      await trx
        .insertInto('workflowRunSteps')
        .values({
          id: newId(),
          runId,
          path: cursorText,
          type: 'webhook',
          status: 'done',
          output: JSON.stringify(output),
          error: null,
          at: now,
        })
        .execute();
      await trx
        .updateTable('workflowRuns')
        .set({
          cursor: JSON.stringify(next ?? JSON.parse(cursorText)),
          status: next ? 'running' : 'done',
          finishedAt: next ? null : now,
          updatedAt: now,
        })
        .where('id', '=', runId)
        .execute();
      if (next) {
        await scheduleJob(
          trx,
          { kind: STEP_JOB, slotKey: `wfrun:${runId}:resume:${cursorText}:${now}`, dueAt: now, payload: { runId } },
          now,
        );
        after(() => void this.scheduler.tick());
      }
    });
  }

  /** Executes a run from its cursor until it finishes, waits or fails. */
  async continueRun(runId: string): Promise<void> {
    for (let executed = 0; executed < MAX_STEPS_PER_RUN; executed++) {
      const run = await this.ctx.db.selectFrom('workflowRuns').selectAll().where('id', '=', runId).executeTakeFirst();
      if (!run || (run.status !== 'running' && run.status !== 'waiting')) return;
      const version = await this.ctx.db
        .selectFrom('workflowVersions')
        .select('definition')
        .where('workflowId', '=', run.workflowId)
        .where('version', '=', run.workflowVersion)
        .executeTakeFirst();
      if (!version) return this.fail(run, 'workflow version missing');
      const def = JSON.parse(version.definition) as Definition;
      const cursor = JSON.parse(run.cursor) as Cursor;
      const step = stepAt(def.steps, cursor);
      const now = this.ctx.clock.now().toISOString();
      if (!step) {
        await this.ctx.db
          .updateTable('workflowRuns')
          .set({ status: 'done', finishedAt: now, updatedAt: now, waitUntil: null })
          .where('id', '=', runId)
          .execute();
        return;
      }
      // A suspended step (webhook) resumes only through its delivery, a wait only when its time has come.
      if (run.status === 'waiting' && (!run.waitUntil || run.waitUntil > now)) return;
      const trigger = JSON.parse(run.trigger) as { refs: Parameters<typeof loadContext>[1]; data: Record<string, unknown> };
      let prepared: Awaited<ReturnType<typeof prepareIssue>> | undefined;
      try {
        prepared =
          step.type === 'generate_document'
            ? await prepareIssue(this.ctx, { kind: step.kind ?? 'offer', templateId: step.templateId })
            : undefined;
        const stop = await inTransaction(this.ctx, async (trx, after) => {
          const fresh = await trx
            .selectFrom('workflowRuns')
            .select(['cursor', 'status'])
            .where('id', '=', runId)
            .executeTakeFirst();
          if (fresh?.cursor !== run.cursor || (fresh.status !== 'running' && fresh.status !== 'waiting')) return true;
          const rc = await loadContext(trx, { ...trigger.refs, dealId: run.dealId ?? trigger.refs.dealId }, trigger.data);
          let next: Cursor | null;
          let status: WorkflowRunRow['status'] = 'running';
          let waitUntil: string | null = null;
          let output: unknown = null;
          if (step.type === 'if') {
            const branch = matches(rc, step.conditions) ? 'then' : 'else';
            output = { branch };
            const inner: Cursor = [...cursor, branch, 0];
            next = stepAt(def.steps, inner) ? inner : advance(def.steps, cursor);
          } else if (run.status === 'waiting') {
            next = advance(def.steps, cursor);
            output = { resumed: true };
          } else {
            const result = await runStep(
              { trx, ctx: this.ctx, after, run, rc, prepared, wake: () => void this.scheduler.tick() },
              step,
            );
            output = result.output ?? null;
            next = advance(def.steps, cursor);
            if (result.suspend) {
              status = 'waiting';
              next = cursor;
            } else if (result.waitUntil && result.waitUntil > now) {
              status = 'waiting';
              waitUntil = result.waitUntil;
              next = cursor;
              await scheduleJob(
                trx,
                {
                  kind: STEP_JOB,
                  slotKey: `wfrun:${runId}:wait:${JSON.stringify(cursor)}`,
                  dueAt: result.waitUntil,
                  payload: { runId },
                },
                now,
              );
            }
          }
          await trx
            .insertInto('workflowRunSteps')
            .values({
              id: newId(),
              runId,
              path: JSON.stringify(cursor),
              type: step.type,
              status: status === 'waiting' ? 'waiting' : 'done',
              output: JSON.stringify(output),
              error: null,
              at: now,
            })
            .execute();
          await trx
            .updateTable('workflowRuns')
            .set({
              cursor: JSON.stringify(next ?? cursor),
              status: next ? status : 'done',
              waitUntil,
              finishedAt: next ? null : now,
              updatedAt: now,
            })
            .where('id', '=', runId)
            .execute();
          return status === 'waiting' || !next;
        });
        if (stop) return;
      } catch (err) {
        if (prepared) await fs.promises.rm(prepared.fullPath, { force: true });
        return this.fail(run, (err as Error).message, JSON.stringify(cursor), step.type);
      }
    }
    const run = await this.ctx.db.selectFrom('workflowRuns').selectAll().where('id', '=', runId).executeTakeFirst();
    if (run) await this.fail(run, `stopped after ${MAX_STEPS_PER_RUN} steps (loop?)`);
  }

  private async fail(run: WorkflowRunRow, error: string, path = run.cursor, type = 'run'): Promise<void> {
    const now = this.ctx.clock.now().toISOString();
    this.ctx.log.warn({ runId: run.id, workflowId: run.workflowId, error }, 'workflow step failed');
    await inTransaction(this.ctx, async (trx) => {
      await trx
        .insertInto('workflowRunSteps')
        .values({ id: newId(), runId: run.id, path, type, status: 'failed', output: null, error: error.slice(0, 2000), at: now })
        .execute();
      await trx
        .updateTable('workflowRuns')
        .set({ status: 'failed', error: error.slice(0, 2000), updatedAt: now })
        .where('id', '=', run.id)
        .execute();
    });
  }

  /** Admin: run a failed step again from where it stopped. */
  async retry(runId: string): Promise<void> {
    const now = this.ctx.clock.now().toISOString();
    await inTransaction(this.ctx, async (trx, after) => {
      await trx
        .updateTable('workflowRuns')
        .set({ status: 'running', error: null, updatedAt: now })
        .where('id', '=', runId)
        .where('status', '=', 'failed')
        .execute();
      await scheduleJob(trx, { kind: STEP_JOB, slotKey: `wfrun:${runId}:retry:${now}`, dueAt: now, payload: { runId } }, now);
      after(() => void this.scheduler.tick());
    });
  }
}

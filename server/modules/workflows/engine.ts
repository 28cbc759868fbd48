import fs from 'node:fs';
import type { Ctx } from '../../core/context.ts';
import type { DomainEvent } from '../../core/events.ts';
import { newId } from '../../core/ids.ts';
import { inTransaction } from '../../core/tx.ts';
import type { WorkflowRow, WorkflowRunRow } from '../../db/schema.ts';
import { prepareIssue } from '../documents/documents.service.ts';
import { scheduleJob } from '../scheduler/jobs.repository.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import { loadContext, matches } from './context.ts';
import type { Definition, Step, Trigger } from './definition.ts';
import { runStep } from './steps.ts';

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
    ctx.events.on('*', (event) => this.onEvent(event));
    scheduler.registerPlain(STEP_JOB, (job) => this.continueRun((JSON.parse(job.payload) as { runId: string }).runId));
  }

  async onEvent(event: DomainEvent): Promise<void> {
    const depth = Number((event.data?.causedBy as { depth?: number } | undefined)?.depth ?? 0);
    if (depth >= MAX_DEPTH) {
      this.ctx.log.warn({ event: event.type, entityId: event.entityId }, 'workflow depth limit reached; not starting more runs');
      return;
    }
    const candidates = triggersFor(event);
    if (candidates.length === 0) return;
    const workflows = await this.ctx.db
      .selectFrom('workflows')
      .selectAll()
      .where('enabled', '=', 1)
      .where(
        'triggerType',
        'in',
        candidates.map((c) => c.type),
      )
      .execute();
    for (const wf of workflows) {
      const def = JSON.parse(wf.definition) as Definition;
      const t = def.trigger;
      const cand = candidates.find((c) => c.type === t.type);
      if (!cand || (t.entity && cand.entity && t.entity !== cand.entity)) continue;
      const data = event.data ?? {};
      if (t.formKey && data.formKey !== t.formKey) continue;
      if (t.toStageId && data.toStageId !== t.toStageId) continue;
      if (t.taskType && data.type !== t.taskType) continue;
      const rc = await loadContext(this.ctx.db, refsOf(event), { type: event.type, ...data });
      if (t.pipelineId && rc.deal?.pipelineId !== t.pipelineId) continue;
      if (!matches(rc, def.conditions)) continue;
      await this.startRun(wf, event, depth + 1);
    }
  }

  async startRun(
    wf: WorkflowRow,
    event: Pick<DomainEvent, 'type' | 'entityType' | 'entityId' | 'data'>,
    depth = 1,
  ): Promise<WorkflowRunRow> {
    const now = this.ctx.clock.now().toISOString();
    const refs = refsOf(event as DomainEvent);
    const rc = await loadContext(this.ctx.db, refs, {});
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
    await inTransaction(this.ctx, async (trx, after) => {
      await trx.insertInto('workflowRuns').values(run).execute();
      await scheduleJob(trx, { kind: STEP_JOB, slotKey: `wfrun:${run.id}:start`, dueAt: now, payload: { runId: run.id } }, now);
      after(() => void this.scheduler.tick());
    });
    return run;
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
      if (run.status === 'waiting' && run.waitUntil && run.waitUntil > now) return;
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
            const result = await runStep({ trx, ctx: this.ctx, after, run, rc, prepared }, step);
            output = result.output ?? null;
            next = advance(def.steps, cursor);
            if (result.waitUntil && result.waitUntil > now) {
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

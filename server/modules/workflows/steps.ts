import { sql, type Transaction } from 'kysely';
import { addBusinessMinutes } from '../../core/business-hours.ts';
import type { Ctx } from '../../core/context.ts';
import type { Cause } from '../../core/events.ts';
import { formatDuration, formatMoney } from '../../core/format.ts';
import { newId } from '../../core/ids.ts';
import type { AfterCommit } from '../../core/tx.ts';
import type { DB, DealRow, WorkflowRunRow } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { coerceValue } from '../custom-fields/custom-fields.values.ts';
import { publishDealChange } from '../deals/deals.service.ts';
import { issueDocumentIn, type PreparedIssue } from '../documents/documents.service.ts';
import { queueMail } from '../mail/outbox.ts';
import { stageDurations } from '../notifications/messages.ts';
import { notify } from '../notifications/notifications.service.ts';
import { scheduleJob } from '../scheduler/jobs.repository.ts';
import { businessHours } from '../settings/work-settings.ts';
import { createTaskIn } from '../tasks/tasks.service.ts';
import { recordChange } from '../timeline/changes.repository.ts';
import { interpolate, matches, type RunContext, valueAt } from './context.ts';
import type { Recipient, Step } from './definition.ts';

type Trx = Transaction<DB>;

export interface StepEnv {
  trx: Trx;
  ctx: Ctx;
  after: AfterCommit;
  run: WorkflowRunRow;
  rc: RunContext;
  /** Documents are prepared (template, logo) before the step's transaction. */
  prepared?: PreparedIssue;
  /** Wakes the scheduler after commit (a queued webhook call goes out at once). */
  wake?: () => void;
}

/** suspend: the run waits until a job finishes the step (a webhook's delivery). */
export type StepResult = { output?: unknown; waitUntil?: string; suspend?: boolean };

export const WEBHOOK_JOB = 'workflow.webhook';

/** What a webhook receives about the run's records (internal columns left out). */
function webhookRecord(row: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!row) return null;
  return Object.fromEntries(Object.entries(row).filter(([k]) => !/Normalized$|^search/.test(k)));
}

const deal = (env: StepEnv) => {
  if (!env.rc.deal) throw new Error('this step needs a deal');
  return env.rc.deal as unknown as DealRow & { customFields: Record<string, unknown> };
};

async function resolveAssignee(env: StepEnv, step: Step): Promise<string> {
  const a = step.assignee ?? { type: 'owner' };
  const { trx } = env;
  if (a.type === 'user' && a.userId) return a.userId;
  if (a.type === 'trigger_assignee' && env.rc.task?.assigneeId) return env.rc.task.assigneeId as string;
  if ((a.type === 'team_round_robin' || a.type === 'least_busy') && a.teamId) {
    const members = await trx
      .selectFrom('users')
      .select('id')
      .where('teamId', '=', a.teamId)
      .where('active', '=', 1)
      .where('role', '!=', 'specialist')
      .orderBy('id')
      .execute();
    if (members.length > 0) {
      const ids = members.map((m) => m.id);
      const load = await trx
        .selectFrom('tasks')
        .select(['assigneeId', (eb) => eb.fn.countAll<number>().as('open'), (eb) => eb.fn.max('createdAt').as('last')])
        .where('assigneeId', 'in', ids)
        .where(a.type === 'least_busy' ? sql<boolean>`status = 'open'` : sql<boolean>`1 = 1`)
        .groupBy('assigneeId')
        .execute();
      const by = new Map(load.map((l) => [l.assigneeId, l]));
      const score = (id: string) =>
        a.type === 'least_busy' ? String(by.get(id)?.open ?? 0).padStart(8, '0') : String(by.get(id)?.last ?? '');
      return [...ids].sort((x, y) => (score(x) < score(y) ? -1 : score(x) > score(y) ? 1 : 0))[0] as string;
    }
  }
  const owner = (env.rc.deal?.ownerId ?? env.rc.contact?.ownerId) as string | null | undefined;
  if (!owner) throw new Error('no assignee: the record has no owner');
  return owner;
}

async function resolveRecipients(env: StepEnv, to: Recipient | string | undefined): Promise<string[]> {
  if (!to || typeof to === 'string') return [];
  if (to.type === 'user' && to.userId) return [to.userId];
  const ownerId = (env.rc.deal?.ownerId ?? env.rc.contact?.ownerId) as string | null;
  if (to.type === 'owner') return ownerId ? [ownerId] : [];
  if (to.type === 'assignee') return env.rc.task?.assigneeId ? [env.rc.task.assigneeId as string] : [];
  if (to.type === 'head' && ownerId) {
    const row = await env.trx
      .selectFrom('users')
      .innerJoin('teams', 'teams.id', 'users.teamId')
      .select('teams.headId')
      .where('users.id', '=', ownerId)
      .executeTakeFirst();
    return row?.headId ? [row.headId] : [];
  }
  return [];
}

const fmt = (env: StepEnv) => (path: string, v: unknown) => {
  if (typeof v === 'number' && /Cents$/.test(path)) return formatMoney(v, 'EUR', 'de');
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v))
    return new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(
      new Date(v),
    );
  void env;
  return String(v);
};

/** What a step changes was caused by its run: events it publishes carry the run's depth. */
const causeOf = (env: StepEnv): Cause => ({ runId: env.run.id, depth: env.run.depth });

async function moveStage(env: StepEnv, step: Step): Promise<unknown> {
  const d = deal(env);
  const { trx, ctx, after } = env;
  const stage = await trx
    .selectFrom('stages')
    .selectAll()
    .where('pipelineId', '=', d.pipelineId)
    .where((eb) => (step.stageId ? eb('id', '=', step.stageId) : eb('key', '=', step.stageKey ?? '')))
    .executeTakeFirst();
  if (!stage) throw new Error(`stage ${step.stageId ?? step.stageKey} not found in the deal's pipeline`);
  if (stage.id === d.stageId) return { stageId: stage.id, unchanged: true };
  const now = ctx.clock.now().toISOString();
  const before = (await trx.selectFrom('deals').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow()) as DealRow;
  const changes: Partial<DealRow> = {
    stageId: stage.id,
    status: stage.kind,
    stageEnteredAt: now,
    closedAt: stage.kind === 'open' ? null : (before.closedAt ?? now),
  };
  if (stage.kind !== 'lost') changes.lostReason = null;
  const row = (await trx
    .updateTable('deals')
    .set({ ...changes, updatedAt: now, version: sql`version + 1` as unknown as number })
    .where('id', '=', d.id)
    .returningAll()
    .executeTakeFirstOrThrow()) as DealRow;
  const seconds = Math.max(0, Math.round((Date.parse(now) - Date.parse(before.stageEnteredAt)) / 1000));
  await trx
    .insertInto('dealStageHistory')
    .values({
      id: newId(),
      dealId: d.id,
      pipelineId: d.pipelineId,
      fromStageId: before.stageId,
      toStageId: stage.id,
      userId: null,
      at: now,
      secondsInPrevious: seconds,
    })
    .execute();
  await recordChange(trx, {
    entityType: 'deal',
    entityId: d.id,
    userId: null,
    action: 'stage_changed',
    changes: [
      { field: 'stageId', from: before.stageId, to: stage.id },
      { field: 'workflow', from: null, to: env.run.workflowId },
    ],
    at: now,
  });
  await publishDealChange(trx, ctx, after, before, row, null, { causedBy: causeOf(env) });
  return { stageId: stage.id };
}

async function updateField(env: StepEnv, step: Step): Promise<unknown> {
  const d = deal(env);
  const field = step.field ?? '';
  const now = env.ctx.clock.now().toISOString();
  const before = (await env.trx.selectFrom('deals').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow()) as DealRow;
  const value = typeof step.value === 'string' ? interpolate(step.value, env.rc) : step.value;
  let changes: Partial<DealRow>;
  if (field.startsWith('deal.customFields.')) {
    const key = field.slice('deal.customFields.'.length);
    const def = await env.trx
      .selectFrom('customFields')
      .selectAll()
      .where('entity', '=', 'deal')
      .where('key', '=', key)
      .executeTakeFirst();
    if (!def) throw new Error(`unknown deal field ${key}`);
    const checked = coerceValue(def, value);
    if (!checked.ok) throw new Error(`${field} ${checked.message}`);
    changes = { customFields: JSON.stringify({ ...JSON.parse(before.customFields), [key]: checked.value }) };
  } else if (['deal.title', 'deal.source', 'deal.expectedCloseDate'].includes(field)) {
    changes = { [field.slice(5)]: value === '' ? null : value } as Partial<DealRow>;
  } else throw new Error(`field ${field} cannot be set by a workflow`);
  const row = (await env.trx
    .updateTable('deals')
    .set({ ...changes, updatedAt: now, version: sql`version + 1` as unknown as number })
    .where('id', '=', d.id)
    .returningAll()
    .executeTakeFirstOrThrow()) as DealRow;
  await recordChange(env.trx, {
    entityType: 'deal',
    entityId: d.id,
    userId: null,
    action: 'updated',
    changes: [{ field: field.slice(5), from: valueAt(env.rc, field) ?? null, to: value }],
    at: now,
  });
  await publishDealChange(env.trx, env.ctx, env.after, before, row, null, { causedBy: causeOf(env) });
  return { field, value };
}

/** The report to the head when a deal is complete: amount and how long each stage took. */
async function report(env: StepEnv, step: Step): Promise<unknown> {
  const d = deal(env);
  const recipients = await resolveRecipients(env, (step.to as Recipient) ?? { type: 'head' });
  const history = await env.trx
    .selectFrom('dealStageHistory')
    .leftJoin('stages', 'stages.id', 'dealStageHistory.fromStageId')
    .select(['stages.name as stageName', 'stages.key as stageKey', 'dealStageHistory.secondsInPrevious', 'dealStageHistory.at'])
    .where('dealStageHistory.dealId', '=', d.id)
    .where('dealStageHistory.fromStageId', 'is not', null)
    .orderBy('dealStageHistory.at')
    .execute();
  const params = {
    title: d.title,
    grossCents: d.grossCents,
    currency: d.currency,
    stages: history.map((h) => ({ name: h.stageName ?? '?', key: h.stageKey, seconds: h.secondsInPrevious })),
    totalSeconds: Math.round((env.ctx.clock.now().getTime() - Date.parse(d.createdAt)) / 1000),
  };
  for (const userId of recipients) {
    await notify(env.trx, env.ctx, env.after, {
      userId,
      kind: 'deal.report',
      message: { key: 'deal.report', params },
      entityType: 'deal',
      entityId: d.id,
      email: {
        template: 'deal-report',
        data: (locale) => ({
          title: d.title,
          amount: formatMoney(d.grossCents, d.currency, locale),
          net: formatMoney(d.amountCents, d.currency, locale),
          contact: env.rc.contact?.name ?? '',
          owner: env.rc.owner?.name ?? '',
          steps: stageDurations(params, locale),
          total: formatDuration(params.totalSeconds, locale),
          url: `${env.ctx.config.publicUrl}/deals/${d.id}`,
        }),
      },
    });
  }
  return { recipients, steps: stageDurations(params, 'de') };
}

/** Runs one step inside its transaction; a wait answers when to continue. */
export async function runStep(env: StepEnv, step: Step): Promise<StepResult> {
  const { trx, ctx, after, rc } = env;
  // A guard (onlyIf) is read in the step's own transaction, with the records as they are now: the check and
  // the write are one unit, so two runs racing for the same deal cannot both create "the" measurement task.
  // (A prepared document has no file yet: it is written only when issued.)
  if (step.onlyIf && step.type !== 'if' && !matches(rc, step.onlyIf)) return { output: { skipped: true, reason: 'onlyIf' } };
  switch (step.type) {
    case 'create_task': {
      let dueAt: string | null | undefined;
      const due = step.due ?? { type: 'sla' };
      if (due.type === 'relative') {
        const minutes = due.minutes ?? 0;
        dueAt = (
          due.businessHours
            ? addBusinessMinutes(ctx.clock.now(), minutes, await businessHours(trx))
            : new Date(ctx.clock.now().getTime() + minutes * 60_000)
        ).toISOString();
      } else if (due.type === 'field') {
        const v = valueAt(rc, due.field ?? '');
        if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw new Error(`due date field ${due.field} is empty`);
        dueAt = new Date(v).toISOString();
      }
      const task = await createTaskIn(
        trx,
        ctx,
        after,
        null,
        {
          title: interpolate(step.title, rc, fmt(env)) || 'Aufgabe',
          type: step.taskType ?? 'todo',
          description: step.body ? interpolate(step.body, rc, fmt(env)) : undefined,
          ...(dueAt !== undefined ? { dueAt } : {}),
          assigneeId: await resolveAssignee(env, step),
          dealId: (rc.deal?.id as string) ?? null,
          contactId: (rc.contact?.id as string) ?? null,
          companyId: (rc.company?.id as string) ?? null,
        },
        { origin: `workflow:${env.run.workflowId}`, causedBy: causeOf(env) },
      );
      return { output: { taskId: task.id, assigneeId: task.assigneeId, dueAt: task.dueAt } };
    }
    case 'move_stage':
      return { output: await moveStage(env, step) };
    case 'update_field':
      return { output: await updateField(env, step) };
    case 'notify': {
      const to = await resolveRecipients(env, step.to);
      for (const userId of to) {
        await notify(trx, ctx, after, {
          userId,
          kind: 'workflow',
          title: interpolate(step.title, rc, fmt(env)),
          body: interpolate(step.body, rc, fmt(env)),
          entityType: rc.deal ? 'deal' : rc.task ? 'task' : 'contact',
          entityId: (rc.deal?.id ?? rc.task?.id ?? rc.contact?.id ?? null) as string | null,
        });
      }
      return { output: { to } };
    }
    case 'send_email': {
      const target = typeof step.to === 'string' ? step.to : 'contact';
      const address =
        target === 'contact'
          ? (rc.contact?.email as string | null)
          : target === 'owner'
            ? (rc.owner?.email as string | null)
            : target;
      if (!address) throw new Error('no e-mail address for the recipient');
      const sent = await queueMail(
        trx,
        ctx,
        { to: address, subject: interpolate(step.subject, rc, fmt(env)), text: interpolate(step.body, rc, fmt(env)) },
        after,
      );
      return { output: { to: address, queued: sent } };
    }
    case 'generate_document': {
      if (!env.prepared) throw new Error('document not prepared');
      const doc = await issueDocumentIn(trx, ctx, after, null, deal(env).id, env.prepared);
      return { output: { documentId: doc.id, number: doc.number } };
    }
    case 'wait':
      return { waitUntil: new Date(ctx.clock.now().getTime() + (step.minutes ?? 0) * 60_000).toISOString() };
    case 'wait_until': {
      const v = valueAt(rc, step.field ?? '');
      if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) throw new Error(`wait field ${step.field} is empty`);
      return { waitUntil: new Date(Date.parse(v) + (step.offsetMinutes ?? 0) * 60_000).toISOString() };
    }
    case 'report':
      return { output: await report(env, step) };
    case 'webhook': {
      // The call itself happens after commit, in its own job, with retries (CONVENTIONS 7).
      const trigger = JSON.parse(env.run.trigger) as {
        type: string;
        entityType: string | null;
        entityId: string | null;
        data: unknown;
      };
      const wf = await trx.selectFrom('workflows').select(['id', 'name']).where('id', '=', env.run.workflowId).executeTakeFirst();
      const now = ctx.clock.now().toISOString();
      const body = JSON.stringify({
        event: trigger.type,
        workflow: { id: env.run.workflowId, name: wf?.name ?? null, version: env.run.workflowVersion },
        run: { id: env.run.id, startedAt: env.run.startedAt },
        record: trigger.entityType ? { type: trigger.entityType, id: trigger.entityId } : null,
        deal: webhookRecord(rc.deal),
        contact: webhookRecord(rc.contact),
        company: webhookRecord(rc.company),
        task: webhookRecord(rc.task),
        trigger: trigger.data ?? {},
        sentAt: now,
      });
      await scheduleJob(
        trx,
        {
          kind: WEBHOOK_JOB,
          slotKey: `wfhook:${env.run.id}:${env.run.cursor}:${newId()}`,
          dueAt: now,
          payload: {
            runId: env.run.id,
            cursor: env.run.cursor,
            url: step.url,
            body,
            event: trigger.type,
            timeoutSeconds: step.timeoutSeconds ?? 10,
          },
        },
        now,
      );
      after(() => void env.wake?.());
      return { suspend: true, output: { url: step.url, queued: true } };
    }
    default:
      throw new AppError('unprocessable', `Unknown step ${step.type}`);
  }
}

import type { Transaction } from 'kysely';
import { instantOf } from '../../core/business-hours.ts';
import type { DB, WorkflowRow } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { CronError, nextSlot, parseCron } from './cron.ts';
import type { Definition, Trigger } from './definition.ts';
import * as repo from './triggers.repository.ts';

/**
 * Time-based triggers as durable slots in scheduled_jobs (CONVENTIONS 8). A schedule workflow always has
 * its next cron slot pending; a date workflow has one slot per record, keyed by workflow version, record
 * and moment, so a changed date moves it, a cleared one drops it, and each slot fires at most once.
 */

export const SCHEDULE_JOB = 'workflow.schedule';
export const DATE_JOB = 'workflow.date';
export const TIME_ZONE = 'Europe/Berlin';
const DATE_ONLY_AT_MINUTES = 9 * 60;

type Trx = Transaction<DB>;

/** A trigger field relative to its record; a leading "<entity>." is dropped. */
export function recordField(trigger: Trigger, field: string): string {
  return trigger.entity && field.startsWith(`${trigger.entity}.`) ? field.slice(trigger.entity.length + 1) : field;
}

/** The moment a date trigger fires for a field value: dates alone count as 09:00 Berlin time. */
export function fireAtOf(value: string | null | undefined, offsetMinutes = 0): Date | null {
  if (!value) return null;
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const base = date
    ? instantOf(Number(date[1]), Number(date[2]), Number(date[3]), DATE_ONLY_AT_MINUTES, TIME_ZONE).getTime()
    : Date.parse(value);
  return Number.isNaN(base) ? null : new Date(base + offsetMinutes * 60_000);
}

const cronPrefix = (wf: Pick<WorkflowRow, 'id'>) => `wfcron:${wf.id}:`;
const datePrefix = (wf: Pick<WorkflowRow, 'id'>) => `wfdate:${wf.id}:`;
const recordPrefix = (wf: WorkflowRow, recordId: string) => `${datePrefix(wf)}v${wf.definitionVersion}:${recordId}:`;

/** Schedules the first cron slot after `after` for the workflow's current version. */
export async function scheduleNextCronSlot(trx: Trx, wf: WorkflowRow, after: Date, now: string): Promise<string> {
  const def = JSON.parse(wf.definition) as Definition;
  const slot = nextSlot(parseCron(def.trigger.cron ?? ''), after, TIME_ZONE).toISOString();
  await repo.scheduleOrRevive(
    trx,
    {
      kind: SCHEDULE_JOB,
      slotKey: `${cronPrefix(wf)}v${wf.definitionVersion}:${slot}`,
      dueAt: slot,
      payload: { workflowId: wf.id, version: wf.definitionVersion, slot },
    },
    now,
  );
  return slot;
}

/** Puts one record's date slot where its current value says (or drops it when empty, gone or past). */
export async function syncRecordSlot(trx: Trx, wf: WorkflowRow, recordId: string, value: string | null | undefined, now: string) {
  const t = (JSON.parse(wf.definition) as Definition).trigger;
  const at = fireAtOf(value, t.offsetMinutes ?? 0);
  const future = at && at.toISOString() > now ? at.toISOString() : null;
  const key = future ? `${recordPrefix(wf, recordId)}${future}` : null;
  await repo.cancelJobsExcept(trx, recordPrefix(wf, recordId), key, now);
  if (key && future)
    await repo.scheduleOrRevive(
      trx,
      {
        kind: DATE_JOB,
        slotKey: key,
        dueAt: future,
        payload: { workflowId: wf.id, version: wf.definitionVersion, entityType: t.entity, entityId: recordId, fireAt: future },
      },
      now,
    );
}

/** After a workflow was created, changed, enabled or disabled: its time slots follow its current state. */
export async function syncWorkflowSlots(trx: Trx, wf: WorkflowRow, now: string): Promise<void> {
  await repo.cancelJobsExcept(trx, cronPrefix(wf), null, now);
  await repo.cancelJobsExcept(trx, datePrefix(wf), null, now);
  if (wf.enabled !== 1) return;
  const t = (JSON.parse(wf.definition) as Definition).trigger;
  if (t.type === 'schedule') await scheduleNextCronSlot(trx, wf, new Date(now), now);
  if (t.type === 'date' && t.entity && t.dateField) {
    const field = recordField(t, t.dateField);
    for (const r of await repo.recordsWithDate(trx, t.entity, field)) await syncRecordSlot(trx, wf, r.id, r.value, now);
  }
}

const invalid = (path: string, message: string) => new AppError('unprocessable', message, [{ path, message }]);

/** Checks the time-trigger settings before a workflow is stored. */
export async function checkTrigger(db: Trx | Parameters<typeof repo.customFieldType>[0], def: Definition): Promise<void> {
  const t = def.trigger;
  if (t.type === 'schedule') {
    if (!t.cron) throw invalid('trigger.cron', 'A schedule trigger needs a cron expression');
    try {
      nextSlot(parseCron(t.cron), new Date(), TIME_ZONE);
    } catch (err) {
      if (err instanceof CronError) throw invalid('trigger.cron', `Invalid cron expression: ${err.message}`);
      throw err;
    }
    if (def.conditions) throw invalid('conditions', 'A schedule trigger runs without a record, so it takes no conditions');
  }
  if (t.type === 'date') {
    if (!t.entity) throw invalid('trigger.entity', 'A date trigger needs the entity whose date it follows');
    if (!t.dateField) throw invalid('trigger.dateField', 'A date trigger needs a date field');
    const field = recordField(t, t.dateField);
    if (field.startsWith('customFields.')) {
      const type = await repo.customFieldType(db, t.entity, field.slice(13));
      if (type !== 'date' && type !== 'datetime')
        throw invalid('trigger.dateField', `${field} is not a date or date-time custom field of ${t.entity}`);
    } else if (!repo.DATE_COLUMNS[t.entity].includes(field))
      throw invalid('trigger.dateField', `Use one of ${repo.DATE_COLUMNS[t.entity].join(', ')} or a date custom field`);
  }
  if (t.type === 'record.updated' && t.changedTo !== undefined && !t.field)
    throw invalid('trigger.field', 'changedTo needs the field it refers to');
}

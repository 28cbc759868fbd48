import { type Kysely, sql, type Transaction } from 'kysely';
import { newId } from '../../core/ids.ts';
import type { DB, WorkflowRow } from '../../db/schema.ts';
import type { JobSpec } from '../scheduler/jobs.repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

export type TriggerEntity = 'contact' | 'company' | 'deal' | 'task';

const TABLES = { contact: 'contacts', company: 'companies', deal: 'deals', task: 'tasks' } as const;

/** The date columns a date trigger may use (custom fields are checked against their definitions). */
export const DATE_COLUMNS: Record<TriggerEntity, readonly string[]> = {
  deal: ['expectedCloseDate', 'closedAt', 'paidAt', 'stageEnteredAt', 'createdAt'],
  task: ['dueAt', 'completedAt', 'createdAt'],
  contact: ['lastActivityAt', 'createdAt'],
  company: ['createdAt'],
};

/** A value expression for an allowlisted column or a custom field (the JSON path is a bound parameter). */
function valueExpr(field: string) {
  if (field.startsWith('customFields.')) return sql<string | null>`json_extract(custom_fields, ${`$.${field.slice(13)}`})`;
  const column = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return sql<string | null>`${sql.ref(column)}`;
}

function assertField(entity: TriggerEntity, field: string): void {
  if (field.startsWith('customFields.') ? !/^customFields\.[a-zA-Z0-9_]+$/.test(field) : !DATE_COLUMNS[entity].includes(field))
    throw new Error(`not a date field of ${entity}: ${field}`);
}

/** Every record of an entity with a value in the field. */
export async function recordsWithDate(db: Db, entity: TriggerEntity, field: string): Promise<{ id: string; value: string }[]> {
  assertField(entity, field);
  const rows = await db
    .selectFrom(TABLES[entity])
    .select(['id', valueExpr(field).as('value')])
    .where(valueExpr(field), 'is not', null)
    .execute();
  return rows.map((r) => ({ id: r.id as string, value: String(r.value) }));
}

/** One record's value: undefined when the record is gone, null when the field is empty. */
export async function recordDate(db: Db, entity: TriggerEntity, id: string, field: string): Promise<string | null | undefined> {
  assertField(entity, field);
  const row = await db.selectFrom(TABLES[entity]).select(valueExpr(field).as('value')).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return row.value === null || row.value === undefined ? null : String(row.value);
}

export async function customFieldType(db: Db, entity: TriggerEntity, key: string): Promise<string | undefined> {
  if (entity === 'task') return undefined;
  const row = await db
    .selectFrom('customFields')
    .select('type')
    .where('entity', '=', entity)
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.type;
}

export function enabledWorkflows(db: Db, types: string[]): Promise<WorkflowRow[]> {
  return db.selectFrom('workflows').selectAll().where('enabled', '=', 1).where('triggerType', 'in', types).execute();
}

/** Schedules a slot, or brings back one that was canceled (a date changed away and back); a done slot stays done. */
export async function scheduleOrRevive(db: Db, job: JobSpec, now: string): Promise<void> {
  await db
    .insertInto('scheduledJobs')
    .values({
      id: newId(),
      kind: job.kind,
      slotKey: job.slotKey,
      dueAt: job.dueAt,
      payload: JSON.stringify(job.payload ?? {}),
      status: 'pending',
      attempts: 0,
      lastError: null,
      createdAt: now,
      doneAt: null,
    })
    .onConflict((oc) =>
      oc
        .column('slotKey')
        .doUpdateSet({ status: 'pending', doneAt: null, attempts: 0, lastError: null })
        .where('scheduledJobs.status', '=', 'canceled'),
    )
    .execute();
}

/** Cancels the pending jobs under a slot prefix except one slot (the one that stays scheduled). */
export async function cancelJobsExcept(db: Db, slotPrefix: string, keep: string | null, now: string): Promise<void> {
  let q = db
    .updateTable('scheduledJobs')
    .set({ status: 'canceled', doneAt: now })
    .where('status', '=', 'pending')
    .where(sql<boolean>`substr(slot_key, 1, ${slotPrefix.length}) = ${slotPrefix}`);
  if (keep) q = q.where('slotKey', '!=', keep);
  await q.execute();
}

export async function getWorkflowSecret(db: Db, id: string): Promise<string | null> {
  const row = await db.selectFrom('workflows').select('webhookSecret').where('id', '=', id).executeTakeFirst();
  return row?.webhookSecret ?? null;
}

export async function setWorkflowSecret(db: Db, id: string, secret: string): Promise<void> {
  await db.updateTable('workflows').set({ webhookSecret: secret }).where('id', '=', id).execute();
}

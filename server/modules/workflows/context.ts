import type { Kysely, Transaction } from 'kysely';
import { parseCustom } from '../../core/record-fields.ts';
import type { DB } from '../../db/schema.ts';
import type { Condition, ConditionGroup } from './definition.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface RunContext {
  deal: Record<string, unknown> | null;
  contact: Record<string, unknown> | null;
  company: Record<string, unknown> | null;
  task: Record<string, unknown> | null;
  owner: Record<string, unknown> | null;
  trigger: Record<string, unknown>;
}

/** Loads the records a run works on, fresh at every step (steps see what earlier steps changed). */
export async function loadContext(
  db: Db,
  refs: { dealId?: string | null; contactId?: string | null; companyId?: string | null; taskId?: string | null },
  trigger: Record<string, unknown>,
): Promise<RunContext> {
  const task = refs.taskId
    ? await db.selectFrom('tasks').selectAll().where('id', '=', refs.taskId).executeTakeFirst()
    : undefined;
  const dealId = refs.dealId ?? task?.dealId ?? null;
  const deal = dealId ? await db.selectFrom('deals').selectAll().where('id', '=', dealId).executeTakeFirst() : undefined;
  const contactId = refs.contactId ?? deal?.contactId ?? task?.contactId ?? null;
  const contact = contactId
    ? await db.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirst()
    : undefined;
  const companyId = refs.companyId ?? deal?.companyId ?? contact?.companyId ?? task?.companyId ?? null;
  const company = companyId
    ? await db.selectFrom('companies').selectAll().where('id', '=', companyId).executeTakeFirst()
    : undefined;
  const ownerId = deal?.ownerId ?? contact?.ownerId ?? company?.ownerId ?? null;
  const owner = ownerId
    ? await db.selectFrom('users').select(['id', 'name', 'email', 'teamId']).where('id', '=', ownerId).executeTakeFirst()
    : undefined;
  const stage = deal
    ? await db.selectFrom('stages').select(['key', 'name']).where('id', '=', deal.stageId).executeTakeFirst()
    : undefined;
  return {
    deal: deal
      ? {
          ...deal,
          customFields: parseCustom(deal.customFields),
          stageKey: stage?.key ?? null,
          stageName: stage?.name ?? null,
          ...(await dealWork(db, deal.id)),
        }
      : null,
    contact: contact
      ? { ...contact, name: `${contact.firstName} ${contact.lastName}`.trim(), customFields: parseCustom(contact.customFields) }
      : null,
    company: company ? { ...company, customFields: parseCustom(company.customFields) } : null,
    task: task ? { ...task } : null,
    owner: owner ? { ...owner } : null,
    trigger,
  };
}

/**
 * What a deal already has, for guards such as "no measurement task yet": the types of its open and of its done
 * tasks (canceled ones count as neither) and the kinds of its issued documents, each a sorted list without repeats.
 */
async function dealWork(db: Db, dealId: string) {
  const tasks = await db
    .selectFrom('tasks')
    .select(['type', 'status'])
    .distinct()
    .where('dealId', '=', dealId)
    .where('status', 'in', ['open', 'done'])
    .execute();
  const docs = await db
    .selectFrom('documents')
    .select('kind')
    .distinct()
    .where('dealId', '=', dealId)
    .where('status', '=', 'issued')
    .execute();
  const types = (status: string) => [...new Set(tasks.filter((t) => t.status === status).map((t) => t.type))].sort();
  return {
    openTaskTypes: types('open'),
    doneTaskTypes: types('done'),
    documentKinds: [...new Set(docs.map((d) => d.kind))].sort(),
  };
}

/** A value by dotted path, own properties only (no prototype walk). */
export function valueAt(ctx: unknown, path: string): unknown {
  let cur: unknown = ctx;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** A list holds the value, or a text holds it (case-insensitive); anything else holds nothing. */
function contains(v: unknown, value: unknown): boolean {
  return Array.isArray(v) ? v.includes(value) : typeof v === 'string' && v.toLowerCase().includes(String(value).toLowerCase());
}

export function check(ctx: RunContext, c: Condition): boolean {
  const v = valueAt(ctx, c.field);
  switch (c.op) {
    case 'empty':
      return isEmpty(v);
    case 'not_empty':
      return !isEmpty(v);
    case 'eq':
      return v === c.value || String(v) === String(c.value);
    case 'neq':
      return !(v === c.value || String(v) === String(c.value));
    case 'gt':
      return Number(v) > Number(c.value);
    case 'gte':
      return Number(v) >= Number(c.value);
    case 'lt':
      return Number(v) < Number(c.value);
    case 'lte':
      return Number(v) <= Number(c.value);
    case 'contains':
      return contains(v, c.value);
    case 'not_contains':
      return !contains(v, c.value);
    case 'in':
      return Array.isArray(c.value) && c.value.map(String).includes(String(v));
    default:
      return false;
  }
}

export function matches(ctx: RunContext, group: ConditionGroup | undefined): boolean {
  if (!group) return true;
  const one = (item: Condition | { any?: Condition[]; all?: Condition[] }): boolean =>
    'field' in item
      ? check(ctx, item as Condition)
      : 'any' in item && item.any
        ? item.any.some((c) => check(ctx, c))
        : (item.all ?? []).every((c) => check(ctx, c));
  const all = group.all ? group.all.every(one) : true;
  const any = group.any ? group.any.some(one) : true;
  return all && any;
}

/** Fills {{path}} placeholders from the context (plain text; missing values become empty). */
export function interpolate(
  text: string | undefined,
  ctx: RunContext,
  format: (path: string, v: unknown) => string = (_p, v) => String(v),
): string {
  return (text ?? '').replace(/\{\{\s*([a-zA-Z][a-zA-Z0-9_.]*)\s*\}\}/g, (_m, path: string) => {
    const v = valueAt(ctx, path);
    return v === undefined || v === null ? '' : format(path, v);
  });
}

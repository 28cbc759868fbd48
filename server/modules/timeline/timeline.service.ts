import { type Kysely, sql } from 'kysely';
import type { Actor } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { presentActivity } from '../activities/activities.service.ts';
import { getVisibleCompany } from '../companies/companies.service.ts';
import { getVisibleContact } from '../contacts/contacts.service.ts';
import { getVisibleDeal } from '../deals/deals.service.ts';
import type { FieldChange } from './changes.repository.ts';
import type { TimelineItem } from './timeline.schemas.ts';

export type TimelineEntity = 'contact' | 'company' | 'deal';

interface Before {
  at: string;
  id: string;
}

type Source = (db: Kysely<DB>, entityId: string, before: Before | null, limit: number) => Promise<TimelineItem[]>;

function beforeClause(atCol: string, idCol: string, before: Before | null) {
  if (!before) return sql<boolean>`1 = 1`;
  return sql<boolean>`(${sql.ref(atCol)} < ${before.at} OR (${sql.ref(atCol)} = ${before.at} AND ${sql.ref(idCol)} < ${before.id}))`;
}

function activitySource(column: 'contactId' | 'companyId' | 'dealId'): Source {
  return async (db, entityId, before, limit) => {
    let q = db
      .selectFrom('activities')
      .leftJoin('users', 'users.id', 'activities.userId')
      .selectAll('activities')
      .select('users.name as userName')
      .where(beforeClause('activities.occurredAt', 'activities.id', before))
      .orderBy('activities.occurredAt', 'desc')
      .orderBy('activities.id', 'desc')
      .limit(limit);
    q =
      column !== 'companyId'
        ? q.where(`activities.${column}`, '=', entityId)
        : // a company's timeline includes what happened with its people
          q.where((eb) =>
            eb.or([
              eb('activities.companyId', '=', entityId),
              eb(
                'activities.contactId',
                'in',
                eb.selectFrom('contacts').select('contacts.id').where('contacts.companyId', '=', entityId),
              ),
            ]),
          );
    const rows = await q.execute();
    return rows.map(({ userName, ...row }) => ({
      kind: 'activity',
      id: row.id,
      at: row.occurredAt,
      userId: row.userId,
      userName,
      title: row.type,
      activity: presentActivity(row),
    }));
  };
}

function changeSource(entityType: string): Source {
  return async (db, entityId, before, limit) => {
    const rows = await db
      .selectFrom('recordChanges')
      .leftJoin('users', 'users.id', 'recordChanges.userId')
      .selectAll('recordChanges')
      .select('users.name as userName')
      .where('recordChanges.entityType', '=', entityType)
      .where('recordChanges.entityId', '=', entityId)
      .where(beforeClause('recordChanges.at', 'recordChanges.id', before))
      .orderBy('recordChanges.at', 'desc')
      .orderBy('recordChanges.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      kind: 'change',
      id: row.id,
      at: row.at,
      userId: row.userId,
      userName: row.userName,
      title: row.action,
      action: row.action,
      changes: JSON.parse(row.changes) as FieldChange[],
    }));
  };
}

/** The deals of a contact or company, shown when they were opened. */
function dealSource(column: 'contactId' | 'companyId'): Source {
  return async (db, entityId, before, limit) => {
    const rows = await db
      .selectFrom('deals')
      .leftJoin('users', 'users.id', 'deals.ownerId')
      .select(['deals.id', 'deals.title', 'deals.createdAt', 'deals.ownerId', 'users.name as userName'])
      .where(`deals.${column}`, '=', entityId)
      .where(beforeClause('deals.createdAt', 'deals.id', before))
      .orderBy('deals.createdAt', 'desc')
      .orderBy('deals.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      kind: 'deal',
      id: row.id,
      at: row.createdAt,
      userId: row.ownerId,
      userName: row.userName,
      title: row.title,
      refId: row.id,
    }));
  };
}

/** Tasks on the record, shown when they were planned, with their state. */
function taskSource(column: 'contactId' | 'companyId' | 'dealId'): Source {
  return async (db, entityId, before, limit) => {
    const rows = await db
      .selectFrom('tasks')
      .leftJoin('users', 'users.id', 'tasks.assigneeId')
      .select(['tasks.id', 'tasks.title', 'tasks.status', 'tasks.createdAt', 'tasks.assigneeId', 'users.name as userName'])
      .where(`tasks.${column}`, '=', entityId)
      .where(beforeClause('tasks.createdAt', 'tasks.id', before))
      .orderBy('tasks.createdAt', 'desc')
      .orderBy('tasks.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      kind: 'task',
      id: row.id,
      at: row.createdAt,
      userId: row.assigneeId,
      userName: row.userName,
      title: row.title,
      action: row.status,
      refId: row.id,
    }));
  };
}

/** What each record's timeline is made of: activities, field changes (documents and payments included), deals, tasks. */
export const TIMELINE_SOURCES: Record<TimelineEntity, Source[]> = {
  contact: [activitySource('contactId'), changeSource('contact'), dealSource('contactId'), taskSource('contactId')],
  company: [activitySource('companyId'), changeSource('company'), dealSource('companyId'), taskSource('companyId')],
  deal: [activitySource('dealId'), changeSource('deal'), taskSource('dealId')],
};

function decodeCursor(cursor: string | undefined): Before | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed.at === 'string' && typeof parsed.id === 'string') return parsed;
  } catch {
    // fall through
  }
  throw new AppError('validation_failed', 'The cursor is invalid', [{ path: 'cursor', message: 'invalid cursor' }]);
}

/** Everything that happened to a record, newest first, merged from every source, one page at a time. */
export async function timeline(ctx: Ctx, actor: Actor, entity: TimelineEntity, id: string, limit = 50, cursor?: string) {
  if (entity === 'contact') await getVisibleContact(ctx, actor, id);
  else if (entity === 'company') await getVisibleCompany(ctx, actor, id);
  else await getVisibleDeal(ctx, actor, id);
  const before = decodeCursor(cursor);
  const batches = await Promise.all(TIMELINE_SOURCES[entity].map((source) => source(ctx.db, id, before, limit + 1)));
  const items = batches
    .flat()
    .sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1))
    .slice(0, limit + 1);
  const page = items.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    items.length > limit && last ? Buffer.from(JSON.stringify({ at: last.at, id: last.id })).toString('base64url') : null;
  return { data: page, nextCursor };
}

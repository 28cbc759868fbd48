import { type Kysely, sql } from 'kysely';
import { Type } from 'typebox';
import type { Actor } from '../../core/actor.ts';
import type { Ctx } from '../../core/context.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../http/errors.ts';
import { type ListShape, pageOf, parseListParams } from '../../http/list.ts';
import { presentActivity } from '../activities/activities.service.ts';
import { getVisibleCompany } from '../companies/companies.service.ts';
import { getVisibleContact } from '../contacts/contacts.service.ts';
import { getVisibleDeal } from '../deals/deals.service.ts';
import type { FieldChange } from './changes.repository.ts';
import type { TimelineItem } from './timeline.schemas.ts';

export type TimelineEntity = 'contact' | 'company' | 'deal';

/** Where a page starts: after this item, in this direction (newest first unless ascending). */
interface Page {
  after: { at: string; id: string } | null;
  ascending: boolean;
  limit: number;
}

type Source = (db: Kysely<DB>, entityId: string, page: Page) => Promise<TimelineItem[]>;

function afterClause(atCol: string, idCol: string, page: Page) {
  const { after } = page;
  if (!after) return sql<boolean>`1 = 1`;
  const op = page.ascending ? sql`>` : sql`<`;
  return sql<boolean>`(${sql.ref(atCol)} ${op} ${after.at} OR (${sql.ref(atCol)} = ${after.at} AND ${sql.ref(idCol)} ${op} ${after.id}))`;
}

const direction = (page: Page) => (page.ascending ? 'asc' : 'desc');

function activitySource(column: 'contactId' | 'companyId' | 'dealId'): Source {
  return async (db, entityId, page) => {
    let q = db
      .selectFrom('activities')
      .leftJoin('users', 'users.id', 'activities.userId')
      .selectAll('activities')
      .select('users.name as userName')
      .where(afterClause('activities.occurredAt', 'activities.id', page))
      .orderBy('activities.occurredAt', direction(page))
      .orderBy('activities.id', direction(page))
      .limit(page.limit);
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
  return async (db, entityId, page) => {
    const rows = await db
      .selectFrom('recordChanges')
      .leftJoin('users', 'users.id', 'recordChanges.userId')
      .selectAll('recordChanges')
      .select('users.name as userName')
      .where('recordChanges.entityType', '=', entityType)
      .where('recordChanges.entityId', '=', entityId)
      .where(afterClause('recordChanges.at', 'recordChanges.id', page))
      .orderBy('recordChanges.at', direction(page))
      .orderBy('recordChanges.id', direction(page))
      .limit(page.limit)
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
  return async (db, entityId, page) => {
    const rows = await db
      .selectFrom('deals')
      .leftJoin('users', 'users.id', 'deals.ownerId')
      .select(['deals.id', 'deals.title', 'deals.createdAt', 'deals.ownerId', 'users.name as userName'])
      .where(`deals.${column}`, '=', entityId)
      .where(afterClause('deals.createdAt', 'deals.id', page))
      .orderBy('deals.createdAt', direction(page))
      .orderBy('deals.id', direction(page))
      .limit(page.limit)
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
  return async (db, entityId, page) => {
    const rows = await db
      .selectFrom('tasks')
      .leftJoin('users', 'users.id', 'tasks.assigneeId')
      .select(['tasks.id', 'tasks.title', 'tasks.status', 'tasks.createdAt', 'tasks.assigneeId', 'users.name as userName'])
      .where(`tasks.${column}`, '=', entityId)
      .where(afterClause('tasks.createdAt', 'tasks.id', page))
      .orderBy('tasks.createdAt', direction(page))
      .orderBy('tasks.id', direction(page))
      .limit(page.limit)
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

export type TimelineKind = 'activity' | 'change' | 'deal' | 'task';

/** What each record's timeline is made of: activities, field changes (documents and payments included), deals, tasks. */
export const TIMELINE_SOURCES: Record<TimelineEntity, [TimelineKind, Source][]> = {
  contact: [
    ['activity', activitySource('contactId')],
    ['change', changeSource('contact')],
    ['deal', dealSource('contactId')],
    ['task', taskSource('contactId')],
  ],
  company: [
    ['activity', activitySource('companyId')],
    ['change', changeSource('company')],
    ['deal', dealSource('companyId')],
    ['task', taskSource('companyId')],
  ],
  deal: [
    ['activity', activitySource('dealId')],
    ['change', changeSource('deal')],
    ['task', taskSource('dealId')],
  ],
};

/** The timeline's query: newest first (sort=at for oldest first), kind to show one kind of item. */
export const TIMELINE_LIST: ListShape = {
  defaultSort: '-at',
  sortable: { at: true },
  filters: {
    kind: {
      schema: Type.Union([Type.Literal('activity'), Type.Literal('change'), Type.Literal('deal'), Type.Literal('task')]),
    },
  },
};

/** Everything that happened to a record, newest first, merged from every source, one page at a time. */
export async function timeline(
  ctx: Ctx,
  actor: Actor,
  entity: TimelineEntity,
  id: string,
  query: { limit?: number; cursor?: string; sort?: string; kind?: TimelineKind },
) {
  if (entity === 'contact') await getVisibleContact(ctx, actor, id);
  else if (entity === 'company') await getVisibleCompany(ctx, actor, id);
  else await getVisibleDeal(ctx, actor, id);
  const params = parseListParams(query, TIMELINE_LIST.sortable, TIMELINE_LIST.defaultSort);
  const after = params.after;
  if (after && (typeof after.v !== 'string' || typeof after.id !== 'string')) {
    throw new AppError('validation_failed', 'The cursor is invalid', [{ path: 'cursor', message: 'invalid cursor' }]);
  }
  const page: Page = {
    after: after ? { at: after.v as string, id: after.id as string } : null,
    ascending: !params.descending,
    limit: params.limit + 1,
  };
  const sources = TIMELINE_SOURCES[entity].filter(([kind]) => !query.kind || kind === query.kind);
  const batches = await Promise.all(sources.map(([, source]) => source(ctx.db, id, page)));
  const items = batches
    .flat()
    .map((item) => ({ ...item, cursorValue: item.at }))
    .sort((a, b) => (params.descending ? -1 : 1) * (a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1))
    .slice(0, params.limit + 1);
  const { rows, nextCursor } = pageOf(items, params);
  return { data: rows.map(({ cursorValue: _, ...item }) => item), nextCursor };
}

import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Bucket, bucketRows, type DealScope, type Range } from './sales.repository.ts';
import { type Owners, ownerIn } from './scope.ts';
import { ACTIVITY_TYPES } from './work.schemas.ts';

// SQL of the work reports: leads' first contact, tasks per assignee, activities per author.

type Db = Kysely<DB> | Transaction<DB>;
type People = { owners: Owners };

const num = (v: unknown) => Number(v ?? 0);

/**
 * Leads (deals) created in the period per owner: how many, and the seconds until each contacted one's
 * first contact as a JSON array (report_leads, which triggers keep up to date). One streaming pass over
 * the index (owner_id, created_at, pipeline_id, response_seconds).
 */
export async function leadResponses(db: Db, scope: DealScope, range: Range) {
  const pipeline = scope.pipelineId ? sql`AND l.pipeline_id = ${scope.pipelineId}` : sql``;
  const result = await sql<{ ownerId: string | null; leads: number; seconds: string }>`
    SELECT l.owner_id, count(*) AS leads, json_group_array(l.response_seconds) FILTER (WHERE l.response_seconds IS NOT NULL) AS seconds
    FROM report_leads l INDEXED BY report_leads_owner
    WHERE l.created_at >= ${range.start} AND l.created_at < ${range.end} AND ${ownerIn('l.ownerId', scope.owners)} ${pipeline}
    GROUP BY l.owner_id`.execute(db);
  return result.rows.map((r) => ({
    ownerId: r.ownerId,
    leads: num(r.leads),
    seconds: (JSON.parse(r.seconds ?? '[]') as number[]).map((x) => Math.max(0, x)),
  }));
}

/** Open tasks per assignee now: all, overdue, due today. */
export async function openTasks(db: Db, scope: People, now: string, today: Range) {
  const result = await sql<{ assigneeId: string | null; open: number; overdue: number; dueToday: number }>`
    SELECT tasks.assignee_id, count(*) AS open, coalesce(sum(tasks.due_at < ${now}), 0) AS overdue,
      coalesce(sum(tasks.due_at >= ${today.start} AND tasks.due_at < ${today.end}), 0) AS due_today
    FROM tasks INDEXED BY tasks_assignee
    WHERE tasks.status = 'open' AND ${ownerIn('tasks.assigneeId', scope.owners)}
    GROUP BY tasks.assignee_id`.execute(db);
  return result.rows.map((r) => ({
    assigneeId: r.assigneeId,
    open: num(r.open),
    overdue: num(r.overdue),
    dueToday: num(r.dueToday),
  }));
}

/** Tasks completed or canceled in the period per assignee (completed_at marks both). */
export async function closedTasks(db: Db, scope: People, range: Range) {
  const result = await sql<{ assigneeId: string | null; done: number; late: number; canceled: number }>`
    SELECT tasks.assignee_id, coalesce(sum(tasks.status = 'done'), 0) AS done,
      coalesce(sum(tasks.status = 'done' AND tasks.due_at IS NOT NULL AND tasks.completed_at > tasks.due_at), 0) AS late,
      coalesce(sum(tasks.status = 'canceled'), 0) AS canceled
    FROM tasks INDEXED BY tasks_reports_closed
    WHERE tasks.status IN ('done', 'canceled') AND tasks.completed_at >= ${range.start} AND tasks.completed_at < ${range.end}
      AND ${ownerIn('tasks.assigneeId', scope.owners)}
    GROUP BY tasks.assignee_id`.execute(db);
  return result.rows.map((r) => ({ assigneeId: r.assigneeId, done: num(r.done), late: num(r.late), canceled: num(r.canceled) }));
}

/** The people a per-person report counts: the owners, or every user and "nobody" (NULL) for everyone. */
function peopleRows(owners: Owners) {
  if (owners === null) return sql`SELECT id FROM users UNION ALL SELECT NULL`;
  if (owners.length === 0) return sql`SELECT NULL WHERE 0`;
  return sql`VALUES ${sql.join(owners.map((id) => sql`(${id})`))}`;
}

/**
 * Activities per author, type and bucket (a month, or the whole period): one range count in the index
 * (user_id, type, occurred_at) per cell, so nothing is sorted however many activities there are.
 */
export async function activityCounts(db: Db, scope: People, buckets: Bucket[]) {
  const types = sql.join(ACTIVITY_TYPES.map((t) => sql`(${t})`));
  const result = await sql<{ userId: string | null; type: string; bucket: string; n: number }>`
    WITH m(bucket, s, e) AS (VALUES ${bucketRows(buckets)}), t(type) AS (VALUES ${types}), u(id) AS (${peopleRows(scope.owners)})
    SELECT u.id AS user_id, t.type, m.bucket,
      (SELECT count(*) FROM activities a INDEXED BY activities_reports_user
        WHERE a.user_id IS u.id AND a.type = t.type AND a.occurred_at >= m.s AND a.occurred_at < m.e) AS n
    FROM u, t, m`.execute(db);
  return result.rows
    .map((r) => ({ userId: r.userId, type: r.type, bucket: r.bucket, count: num(r.n) }))
    .filter((r) => r.count > 0);
}

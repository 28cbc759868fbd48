import { sql } from 'kysely';
import { Type } from 'typebox';
import { isAdmin } from '../../core/actor.ts';
import { isoNow } from '../../core/clock.ts';
import { actorOf } from '../../http/auth.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { expectedVersion } from '../../http/if-match.ts';
import { listPage, listQuery, withSort } from '../../http/list.ts';
import { IdParams, ListOf, problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { COMMENT_LIST, TASK_SORT, TASK_TYPE_LIST } from './tasks.repository.ts';
import {
  CompleteTaskSchema,
  CreateTaskCommentSchema,
  CreateTaskSchema,
  CreateTaskTypeSchema,
  TaskCommentSchema,
  TaskListQuery,
  TaskSchema,
  TaskTypeSchema,
  UpdateTaskSchema,
  UpdateTaskTypeSchema,
} from './tasks.schemas.ts';
import * as service from './tasks.service.ts';

const tags = ['Tasks'];

export function tasksRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/v1/tasks',
    {
      schema: {
        tags,
        summary: 'Tasks you may see: your own, your team’s (head), those on your records',
        description: 'mine=true for my tasks; due=overdue|today|upcoming|none for open tasks by due time.',
        querystring: withSort(TaskListQuery, TASK_SORT, 'dueAt'),
        response: { 200: ListOf(TaskSchema), ...problemResponses },
      },
    },
    async (request) => service.listTasks(ctx, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/tasks',
    { schema: { tags, summary: 'Create a task', body: CreateTaskSchema, response: { 201: TaskSchema, ...problemResponses } } },
    async (request, reply) => reply.code(201).send(await service.createTask(ctx, actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/tasks/:id',
    { schema: { tags, summary: 'Get a task', params: IdParams, response: { 200: TaskSchema, ...problemResponses } } },
    async (request) =>
      service.presentTask(await service.getVisibleTask(ctx, actorOf(request), request.params.id), ctx.clock.now()),
  );
  app.patch(
    '/api/v1/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Change a task: reschedule, reassign, cancel (status) …',
        params: IdParams,
        headers: Type.Object({ 'if-match': Type.Optional(Type.String()) }),
        body: UpdateTaskSchema,
        response: { 200: TaskSchema, ...problemResponses },
      },
    },
    async (request) => service.updateTask(ctx, actorOf(request), request.params.id, request.body, expectedVersion(request)),
  );
  app.delete(
    '/api/v1/tasks/:id',
    {
      schema: {
        tags,
        summary: 'Delete a task (its creator, a head, an admin)',
        params: IdParams,
        response: { 204: Type.Null(), ...problemResponses },
      },
    },
    async (request, reply) => {
      await service.deleteTask(ctx, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/v1/tasks/:id/complete',
    {
      schema: {
        tags,
        summary: 'Complete a task; a note is logged on the linked record',
        params: IdParams,
        body: CompleteTaskSchema,
        response: { 200: TaskSchema, ...problemResponses },
      },
    },
    async (request) => service.completeTask(ctx, actorOf(request), request.params.id, request.body?.note),
  );
  app.post(
    '/api/v1/tasks/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a done or canceled task',
        params: IdParams,
        response: { 200: TaskSchema, ...problemResponses },
      },
    },
    async (request) => service.reopenTask(ctx, actorOf(request), request.params.id),
  );
  app.get(
    '/api/v1/tasks/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comments on a task, oldest first',
        params: IdParams,
        querystring: listQuery(COMMENT_LIST),
        response: { 200: ListOf(TaskCommentSchema), ...problemResponses },
      },
    },
    async (request) => service.listComments(ctx, actorOf(request), request.params.id, request.query),
  );
  app.post(
    '/api/v1/tasks/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on a task',
        params: IdParams,
        body: CreateTaskCommentSchema,
        response: { 201: TaskCommentSchema, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.addComment(ctx, actorOf(request), request.params.id, request.body.body)),
  );

  const typeTags = ['Tasks'];
  const presentType = (r: {
    key: string;
    nameDe: string;
    nameEn: string;
    reminderMinutes: number | null;
    slaMinutes: number | null;
    position: number;
    builtin: number;
  }) => ({
    key: r.key,
    nameDe: r.nameDe,
    nameEn: r.nameEn,
    reminderMinutes: r.reminderMinutes,
    slaMinutes: r.slaMinutes,
    position: r.position,
    builtin: r.builtin === 1,
  });
  app.get(
    '/api/v1/task-types',
    {
      schema: {
        tags: typeTags,
        summary: 'Task types with their default reminder and SLA (all fit in one page of 200)',
        querystring: listQuery(TASK_TYPE_LIST),
        response: { 200: ListOf(TaskTypeSchema), ...problemResponses },
      },
    },
    async (request) => {
      actorOf(request);
      const page = await listPage(ctx.db.selectFrom('taskTypes').selectAll(), TASK_TYPE_LIST, request.query);
      return { data: page.rows.map(presentType), nextCursor: page.nextCursor };
    },
  );
  app.post(
    '/api/v1/task-types',
    {
      schema: {
        tags: typeTags,
        summary: 'Add a task type (admin)',
        body: CreateTaskTypeSchema,
        response: { 201: TaskTypeSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      if (!isAdmin(actorOf(request))) throw forbidden('Only an administrator can add task types');
      const b = request.body;
      if (await ctx.db.selectFrom('taskTypes').select('key').where('key', '=', b.key).executeTakeFirst())
        throw conflict('This task type exists', [{ path: 'key', message: 'already in use' }]);
      const now = isoNow(ctx.clock);
      const row = {
        key: b.key,
        nameDe: b.nameDe,
        nameEn: b.nameEn,
        reminderMinutes: b.reminderMinutes ?? null,
        slaMinutes: b.slaMinutes ?? null,
        position: b.position ?? 100,
        builtin: 0,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await ctx.db.insertInto('taskTypes').values(row).execute();
      return reply.code(201).send(presentType(row));
    },
  );
  app.patch(
    '/api/v1/task-types/:key',
    {
      schema: {
        tags: typeTags,
        summary: 'Change a task type’s names, default reminder or SLA (admin)',
        params: Type.Object({ key: Type.String({ maxLength: 40 }) }, { additionalProperties: false }),
        body: UpdateTaskTypeSchema,
        response: { 200: TaskTypeSchema, ...problemResponses },
      },
    },
    async (request) => {
      if (!isAdmin(actorOf(request))) throw forbidden('Only an administrator can change task types');
      const row = await ctx.db
        .updateTable('taskTypes')
        .set({ ...request.body, updatedAt: isoNow(ctx.clock), version: sql`version + 1` as unknown as number })
        .where('key', '=', request.params.key)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound('Task type');
      return presentType(row);
    },
  );
}

import { createHash } from 'node:crypto';
import ical from 'ical-generator';
import { Type } from 'typebox';
import { isoNow } from '../../core/clock.ts';
import { newSecret } from '../../core/ids.ts';
import { actorOf } from '../../http/auth.ts';
import { notFound } from '../../http/errors.ts';
import { problemResponses } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A secret iCalendar feed per user (Outlook, Google, Thunderbird subscribe to it): the URL carries a
 * random token whose hash is stored; creating a new one revokes the old. A head's feed holds the team's tasks.
 */
export function calendarRoutes(app: App, { ctx }: RouteDeps): void {
  app.post(
    '/api/v1/calendar/token',
    {
      schema: {
        tags: ['Calendar'],
        summary: 'Create (or replace) your secret calendar feed URL of your tasks',
        response: {
          200: Type.Object({ url: Type.String({ examples: ['https://crm.example.de/api/v1/calendar/feed/Zx9…ics'] }) }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const token = newSecret(32);
      const now = isoNow(ctx.clock);
      await ctx.db
        .insertInto('calendarTokens')
        .values({ userId: actor.userId, tokenHash: hash(token), createdAt: now })
        .onConflict((oc) => oc.column('userId').doUpdateSet({ tokenHash: hash(token), createdAt: now }))
        .execute();
      return { url: `${ctx.config.publicUrl}/api/v1/calendar/feed/${token}.ics` };
    },
  );

  app.get(
    '/api/v1/calendar/feed/:file',
    {
      config: { public: true },
      schema: {
        tags: ['Calendar'],
        summary: 'The iCalendar feed behind a secret URL (no login; the token is the secret)',
        security: [],
        params: Type.Object({ file: Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}\\.ics$' }) }, { additionalProperties: false }),
        response: { 200: Type.String({ description: 'text/calendar' }), ...problemResponses },
      },
    },
    async (request, reply) => {
      const token = request.params.file.replace(/\.ics$/, '');
      const owner = await ctx.db
        .selectFrom('calendarTokens')
        .innerJoin('users', 'users.id', 'calendarTokens.userId')
        .select(['users.id', 'users.name', 'users.active', 'users.role'])
        .where('calendarTokens.tokenHash', '=', hash(token))
        .executeTakeFirst();
      if (owner?.active !== 1) throw notFound('Calendar');
      const headed = (await ctx.db.selectFrom('teams').select('id').where('headId', '=', owner.id).execute()).map((t) => t.id);
      let q = ctx.db
        .selectFrom('tasks')
        .leftJoin('users', 'users.id', 'tasks.assigneeId')
        .select([
          'tasks.id',
          'tasks.title',
          'tasks.type',
          'tasks.dueAt',
          'tasks.description',
          'tasks.status',
          'tasks.updatedAt',
          'users.name as assigneeName',
        ])
        .where('tasks.dueAt', 'is not', null)
        .where('tasks.status', '!=', 'canceled')
        .where('tasks.dueAt', '>=', new Date(ctx.clock.now().getTime() - 90 * 86_400_000).toISOString());
      q =
        headed.length > 0
          ? q.where((eb) => eb.or([eb('tasks.assigneeId', '=', owner.id), eb('users.teamId', 'in', headed)]))
          : q.where('tasks.assigneeId', '=', owner.id);
      const tasks = await q.orderBy('tasks.dueAt').limit(2000).execute();
      const calendar = ical({
        name: `Kontor – ${owner.name}`,
        prodId: { company: 'Kontor', product: 'CRM', language: 'DE' },
        // no calendar time zone: without a VTIMEZONE ical-generator would write UTC wall times as local
        // ones; times in UTC (…Z) are read right by Outlook, Google and Thunderbird in any zone
      });
      for (const task of tasks) {
        const start = new Date(task.dueAt as string);
        calendar.createEvent({
          id: `${task.id}@kontor`,
          start,
          end: new Date(start.getTime() + (task.type === 'installation' || task.type === 'measurement' ? 60 : 15) * 60_000),
          summary: `${task.status === 'done' ? '✓ ' : ''}${task.title}${headed.length > 0 && task.assigneeName && task.assigneeName !== owner.name ? ` (${task.assigneeName})` : ''}`,
          description: task.description ?? undefined,
          url: `${ctx.config.publicUrl}/tasks/${task.id}`,
          lastModified: new Date(task.updatedAt),
        });
      }
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(calendar.toString());
    },
  );
}

import { Type } from 'typebox';
import { actorOf } from '../../http/auth.ts';
import { listQuery } from '../../http/list.ts';
import { IdParams, problemResponses, Timestamp } from '../../http/schemas.ts';
import type { App, RouteDeps } from '../../http/types.ts';
import { listNotifications, markAllRead, markRead, NOTIFICATION_LIST } from './notifications.service.ts';

const NotificationSchema = Type.Object(
  {
    id: Type.String(),
    kind: Type.String({ description: 'task.reminder, task.escalated, task.assigned, deal.report, …' }),
    title: Type.String(),
    body: Type.String(),
    entityType: Type.Union([Type.String(), Type.Null()]),
    entityId: Type.Union([Type.String(), Type.Null()]),
    readAt: Type.Union([Timestamp, Type.Null()]),
    createdAt: Timestamp,
  },
  {
    examples: [
      {
        id: '01jdq3m6e2x7k9v4b8c1n5t0nt',
        kind: 'task.escalated',
        title: 'Überfällig: Kunden anrufen (Anna Schmidt)',
        body: 'Fällig war 28.11.2026, 10:15',
        entityType: 'task',
        entityId: '01jdq3m6e2x7k9v4b8c1n5t0tk',
        readAt: null,
        createdAt: '2026-11-28T09:16:00.000Z',
      },
    ],
  },
);
const tags = ['Notifications'];

export function notificationsRoutes(app: App, { ctx }: RouteDeps): void {
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications, newest first, with the unread count',
        querystring: listQuery(NOTIFICATION_LIST),
        response: {
          200: Type.Object(
            {
              data: Type.Array(NotificationSchema),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
              unreadCount: Type.Integer(),
            },
            {
              examples: [
                {
                  data: [
                    {
                      id: '01jdq3m6e2x7k9v4b8c1n5t0nt',
                      kind: 'task.escalated',
                      title: 'Überfällig: Kunden anrufen (Anna Schmidt)',
                      body: 'Fällig war 28.11.2026, 10:15',
                      entityType: 'task',
                      entityId: '01jdq3m6e2x7k9v4b8c1n5t0tk',
                      readAt: null,
                      createdAt: '2026-11-28T09:16:00.000Z',
                    },
                  ],
                  nextCursor: null,
                  unreadCount: 1,
                },
              ],
            },
          ),
          ...problemResponses,
        },
      },
    },
    async (request) => listNotifications(ctx, actorOf(request), request.query),
  );
  app.post(
    '/api/v1/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark a notification read',
        params: IdParams,
        response: { 200: NotificationSchema, ...problemResponses },
      },
    },
    async (request) => markRead(ctx, actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Mark all your notifications read',
        response: {
          200: Type.Object({ updated: Type.Integer({ description: 'How many were unread' }) }, { examples: [{ updated: 3 }] }),
          ...problemResponses,
        },
      },
    },
    async (request) => ({ updated: await markAllRead(ctx, actorOf(request)) }),
  );
}

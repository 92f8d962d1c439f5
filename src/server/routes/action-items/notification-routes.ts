import { z } from 'zod';
import {
  getMyNotificationPreferences,
  listMyNotifications,
  putMyNotificationPreferences,
} from '../../../app/notifications/my-notifications.ts';
import {
  notificationChannelsSchema,
  notificationPreferencesSchema,
  notificationSchema,
} from '../../../contracts/notifications.ts';
import { requireActor } from '../../authenticate.ts';
import type { RouteContext } from '../route-context.ts';

const tags = ['notifications'];

/** The signed-in person's reminders in the app and their notification settings. */
export function registerNotificationRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        querystring: z
          .object({ limit: z.coerce.number().int().min(1).max(200).default(50) })
          .strict(),
        response: { 200: z.object({ data: z.array(notificationSchema) }) },
      },
    },
    async (request) => {
      const rows = await listMyNotifications(deps, requireActor(request), request.query.limit);
      return {
        data: rows.map((row) => ({
          id: row.id,
          rule: row.rule,
          subjectId: row.subjectId,
          postmortemId: row.postmortemId,
          day: row.day,
          title: row.title,
          body: row.body,
          createdAt: row.createdAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    '/api/v1/me/notification-channels',
    { schema: { tags, response: { 200: z.object({ data: notificationChannelsSchema }) } } },
    async (request) => {
      requireActor(request);
      const channels = deps.outbox?.channels;
      return {
        data: {
          email: Boolean(channels?.email),
          shared: Object.keys(channels?.shared ?? {}),
        },
      };
    },
  );

  app.get(
    '/api/v1/me/notification-preferences',
    { schema: { tags, response: { 200: z.object({ data: notificationPreferencesSchema }) } } },
    async (request) => ({ data: await getMyNotificationPreferences(deps, requireActor(request)) }),
  );

  app.put(
    '/api/v1/me/notification-preferences',
    {
      schema: {
        tags,
        body: notificationPreferencesSchema,
        response: { 200: z.object({ data: notificationPreferencesSchema }) },
      },
    },
    async (request) => ({
      data: await putMyNotificationPreferences(deps, requireActor(request), request.body),
    }),
  );
}

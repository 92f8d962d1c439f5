import { z } from 'zod';
import { notificationSchema } from '../../contracts/notifications.ts';
import { requestJson } from './http.ts';

export type NotificationView = z.infer<typeof notificationSchema>;

/** The signed-in person's reminders in the app. */
export const notificationsApi = {
  mine: (limit = 20) =>
    requestJson(z.object({ data: z.array(notificationSchema) }), 'GET', '/notifications', {
      query: { limit },
    }),
};

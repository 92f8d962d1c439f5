import { z } from 'zod';
import {
  notificationChannelsSchema,
  notificationPreferencesSchema,
  notificationSchema,
} from '../../contracts/notifications.ts';
import { requestJson } from './http.ts';

export type NotificationView = z.infer<typeof notificationSchema>;

/** The signed-in person's reminders in the app. */
export const notificationsApi = {
  mine: (limit = 20) =>
    requestJson(z.object({ data: z.array(notificationSchema) }), 'GET', '/notifications', {
      query: { limit },
    }),
};

export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

/** The signed-in person's notification settings, and the channels this server sends by. */
export const notificationSettingsApi = {
  channels: () =>
    requestJson(z.object({ data: notificationChannelsSchema }), 'GET', '/me/notification-channels'),
  preferences: () =>
    requestJson(
      z.object({ data: notificationPreferencesSchema }),
      'GET',
      '/me/notification-preferences',
    ),
  savePreferences: (body: NotificationPreferences) =>
    requestJson(
      z.object({ data: notificationPreferencesSchema }),
      'PUT',
      '/me/notification-preferences',
      { body },
    ),
};

import { DomainError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/user.ts';
import { notificationPreferencesRepository as preferences } from '../../storage/repositories/notification-preferences-repository.ts';
import { notificationsRepository as repo } from '../../storage/repositories/notifications-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';

/** A person's notification settings; e-mail on and no quiet hours unless they say otherwise. */
export interface NotificationPreferences {
  emailEnabled: boolean;
  quietHours: { start: string; end: string; timeZone: string } | null;
}

/** The actor's reminders in the app, newest first (only about postmortems they may see now). */
export function listMyNotifications(deps: AppDeps, actor: Actor, limit: number) {
  return repo.listForUser(deps.db, actor, limit);
}

/** The actor's notification settings. */
export async function getMyNotificationPreferences(
  deps: AppDeps,
  actor: Actor,
): Promise<NotificationPreferences> {
  const row = await preferences.findPreferences(deps.db, actor.id);
  return {
    emailEnabled: row?.emailEnabled ?? true,
    quietHours:
      row?.quietStart && row.quietEnd
        ? { start: row.quietStart, end: row.quietEnd, timeZone: row.timeZone }
        : null,
  };
}

/** Replaces the actor's notification settings; the zone must be one the runtime knows. */
export async function putMyNotificationPreferences(
  deps: AppDeps,
  actor: Actor,
  input: NotificationPreferences,
): Promise<NotificationPreferences> {
  const zone = input.quietHours?.timeZone ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch (cause) {
    throw new DomainError('VALIDATION_FAILED', `Unknown time zone "${zone}".`, {
      cause,
      details: {
        errors: [
          {
            path: 'quietHours.timeZone',
            code: 'unknown_zone',
            message: 'Use an IANA zone such as Europe/Berlin.',
          },
        ],
      },
    });
  }
  await inTransaction(deps, (tx) =>
    preferences.putPreferences(tx.db, {
      userId: actor.id,
      emailEnabled: input.emailEnabled,
      quietStart: input.quietHours?.start ?? null,
      quietEnd: input.quietHours?.end ?? null,
      timeZone: zone,
    }),
  );
  return getMyNotificationPreferences(deps, actor);
}

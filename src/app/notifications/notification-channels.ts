/** A notification as a channel sends it. */
export interface OutgoingNotification {
  id: string;
  rule: string;
  title: string;
  body: string;
  link: string | null;
}

/** The shared channels a team reads: anything sent there is seen by everyone in it. */
export const sharedChannelKinds = ['slack', 'teams', 'webhook'] as const;
export type SharedChannelKind = (typeof sharedChannelKinds)[number];

/**
 * The configured ways out. Absent ones are not configured: reminders then stay in the app.
 * Senders throw on failure so that the delivery is retried.
 */
export interface NotificationChannels {
  email?: (
    notification: OutgoingNotification,
    to: { email: string; name: string },
  ) => Promise<void>;
  shared: Partial<Record<SharedChannelKind, (notification: OutgoingNotification) => Promise<void>>>;
  /** The address of the web app, for links back (`DEBRIEF_PUBLIC_URL`). */
  publicUrl: string | null;
}

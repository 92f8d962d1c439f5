import { z } from 'zod';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24-hour)');

/** A person's notification settings. */
export const notificationPreferencesSchema = z
  .object({
    emailEnabled: z.boolean(),
    /** Deliveries falling inside wait until `end` (local time in `timeZone`; may cross midnight). */
    quietHours: z
      .object({ start: hhmm, end: hhmm, timeZone: z.string().min(1).max(64) })
      .strict()
      .refine((q) => q.start !== q.end, { message: 'start and end must differ', path: ['end'] })
      .nullable(),
  })
  .strict();

/** One in-app notification. */
export const notificationSchema = z.object({
  id: z.string(),
  rule: z.string(),
  subjectId: z.string(),
  postmortemId: z.string().nullable(),
  day: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
});

/** How notifications can leave this server: e-mail to people, and the team's shared channels. */
export const notificationChannelsSchema = z.object({
  /** A mail server is configured: e-mail preferences take effect. */
  email: z.boolean(),
  /** Shared channels configured (`slack`, `teams`, `webhook`); they carry no private reviews. */
  shared: z.array(z.string()),
});

// Reminders and escalations: the ledger that makes each one happen once, and who wants what.
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { createdAt, instant } from './columns.ts';
import { postmortems } from './postmortems.ts';

/**
 * One notification per rule, subject, recipient, channel and day. The unique index is what
 * makes a reminder happen once per day however many Debrief instances scan at the same time:
 * only the transaction whose insert wins enqueues its delivery.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    rule: text('rule').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    postmortemId: uuid('postmortem_id').references(() => postmortems.id, { onDelete: 'cascade' }),
    /** `user:<id>` for a person, `channel:<kind>` for a shared channel. */
    recipientKey: text('recipient_key').notNull(),
    recipientUserId: uuid('recipient_user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** `in_app`, `email`, `slack`, `teams`, `webhook`. */
    channel: text('channel').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    /** `pending` until delivered, then `sent`; `failed` after the last attempt. */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    uniqueIndex('notifications_once_per_day_uq').on(
      t.rule,
      t.subjectId,
      t.recipientKey,
      t.channel,
      t.day,
    ),
    index('notifications_recipient_idx').on(t.recipientUserId, t.createdAt),
  ],
);

/** A person's notification settings: e-mail on or off, and quiet hours in their zone. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  emailEnabled: boolean('email_enabled').notNull().default(true),
  /** `HH:MM` local time; both set or both null. */
  quietStart: text('quiet_start'),
  quietEnd: text('quiet_end'),
  timeZone: text('time_zone').notNull().default('UTC'),
  version: integer('version').notNull().default(1),
});

import { timestamp } from 'drizzle-orm/pg-core';

/** An instant column: `timestamptz`, read as a Date. */
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** `created_at`, set by the database when the row is inserted. */
export const createdAt = () => instant('created_at').notNull().defaultNow();

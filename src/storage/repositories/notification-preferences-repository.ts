import { eq, sql } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { notificationPreferences } from '../schema.ts';

/** People's notification settings: e-mail on or off, quiet hours and their time zone. */
export const notificationPreferencesRepository = {
  /** The person's settings; `undefined` until they first saved some. */
  async findPreferences(db: Database, userId: string) {
    const [row] = await db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId));
    return row;
  },

  /** Saves the person's settings, creating them on the first save, and counts the version. */
  async putPreferences(db: Database, row: typeof notificationPreferences.$inferInsert) {
    const [saved] = await db
      .insert(notificationPreferences)
      .values(row)
      .onConflictDoUpdate({
        target: notificationPreferences.userId,
        set: {
          emailEnabled: row.emailEnabled,
          quietStart: row.quietStart,
          quietEnd: row.quietEnd,
          timeZone: row.timeZone,
          version: sql`${notificationPreferences.version} + 1`,
        },
      })
      .returning();
    return saved;
  },
};

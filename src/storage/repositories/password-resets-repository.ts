import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { passwordResets } from '../schema.ts';

/** One-time password reset links, looked up by the hash of their secret. */
export const passwordResetsRepository = {
  async insert(db: Database, reset: typeof passwordResets.$inferInsert): Promise<void> {
    await db.insert(passwordResets).values(reset);
  },

  /** Marks the account's unused links as used, so only the newest one works. */
  async invalidateForUser(db: Database, userId: string, at: Date): Promise<void> {
    await db
      .update(passwordResets)
      .set({ usedAt: at })
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
  },

  /**
   * Uses a live link in one statement, so two concurrent redemptions cannot both succeed;
   * `undefined` when it is unknown, used or expired.
   */
  async claim(db: Database, idHash: string, now: Date) {
    const [row] = await db
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResets.id, idHash),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResets.userId });
    return row;
  },
};

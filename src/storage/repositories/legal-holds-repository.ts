import { count, eq } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { legalHoldRevisions, legalHolds } from '../schema.ts';

/** A legal hold on a postmortem. */
export type LegalHold = typeof legalHolds.$inferSelect;

/** Legal holds and the revisions the database keeps under them. */
export const legalHoldsRepository = {
  async find(db: Database, postmortemId: string): Promise<LegalHold | undefined> {
    const [row] = await db
      .select()
      .from(legalHolds)
      .where(eq(legalHolds.postmortemId, postmortemId));
    return row;
  },

  async place(db: Database, hold: LegalHold): Promise<void> {
    await db.insert(legalHolds).values(hold).onConflictDoNothing();
  },

  async lift(db: Database, postmortemId: string): Promise<void> {
    await db.delete(legalHolds).where(eq(legalHolds.postmortemId, postmortemId));
  },

  /** How many earlier row versions are kept for the postmortem. */
  async countRevisions(db: Database, postmortemId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(legalHoldRevisions)
      .where(eq(legalHoldRevisions.postmortemId, postmortemId));
    return row?.n ?? 0;
  },
};

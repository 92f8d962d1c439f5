import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import type { RecentSignInFailures } from '../../domain/sign-in-throttle.ts';
import type { Database } from '../database.ts';
import { signInFailures } from '../schema.ts';

/** Failed (and pending) sign-in attempts, shared by every instance through the database. */
export const signInFailuresRepository = {
  /**
   * Serialises attempts from one address until the transaction ends, so that counting and
   * recording an attempt is one step even under hundreds of concurrent requests.
   */
  async lockAddress(db: Database, address: string): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(4242002, hashtext(${`sign-in:${address}`}))`);
  },

  async findRecent(
    db: Database,
    attempt: { email: string; address: string },
    since: Date,
  ): Promise<RecentSignInFailures> {
    const rows = await db
      .select({ email: signInFailures.email, attemptedAt: signInFailures.attemptedAt })
      .from(signInFailures)
      .where(
        and(eq(signInFailures.address, attempt.address), gt(signInFailures.attemptedAt, since)),
      )
      .orderBy(asc(signInFailures.attemptedAt));
    return {
      account: rows.filter((r) => r.email === attempt.email).map((r) => r.attemptedAt),
      address: rows.map((r) => r.attemptedAt),
    };
  },

  /** Records an attempt before its password is checked. */
  async insert(
    db: Database,
    attempt: { email: string; address: string; attemptedAt: Date },
  ): Promise<void> {
    await db.insert(signInFailures).values(attempt);
  },

  /** Forgets this account's failures from this address (after a successful sign-in). */
  async clearAccount(db: Database, attempt: { email: string; address: string }): Promise<void> {
    await db
      .delete(signInFailures)
      .where(
        and(eq(signInFailures.email, attempt.email), eq(signInFailures.address, attempt.address)),
      );
  },

  /** Drops rows that no longer count, so the table stays small. */
  async deleteOlderThan(db: Database, before: Date): Promise<void> {
    await db.delete(signInFailures).where(lt(signInFailures.attemptedAt, before));
  },
};

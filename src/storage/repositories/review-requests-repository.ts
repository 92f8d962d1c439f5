import { and, eq, inArray } from 'drizzle-orm';
import type { ReviewRequest, ReviewStatus } from '../../domain/review-request.ts';
import type { UserRole } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import { reviewRequests, users } from '../schema.ts';
import { createPartRepository } from './part-repository.ts';

/** A review-request row as the domain's review request. */
export function toReviewRequest(row: typeof reviewRequests.$inferSelect): ReviewRequest {
  return { ...row, status: row.status as ReviewStatus };
}

/** Reviews requested of people or teams, and the accounts behind them. */
export const reviewRequestsRepository = {
  ...createPartRepository(reviewRequests, 'Review request', toReviewRequest),

  /** Enabled accounts with one of these e-mails: a policy team's members. */
  async accountsByEmail(
    db: Database,
    emails: readonly string[],
  ): Promise<Array<{ id: string; name: string; role: UserRole }>> {
    if (emails.length === 0) {
      return [];
    }
    const rows = await db
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(
        and(
          inArray(
            users.email,
            emails.map((e) => e.toLowerCase()),
          ),
          eq(users.disabled, false),
        ),
      );
    return rows.map((r) => ({ ...r, role: r.role as UserRole }));
  },

  /** Names of accounts by id, for labels ("waiting for Ada"). */
  async namesById(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) {
      return new Map();
    }
    const rows = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, [...ids]));
    return new Map(rows.map((r) => [r.id, r.name]));
  },
};

import { and, asc, eq } from 'drizzle-orm';
import { DomainError } from '../../domain/errors.ts';
import type { Database } from '../database.ts';
import { sourceClockSkews } from '../schema.ts';

/** A per-source clock offset of one postmortem. */
export interface SourceClockSkew {
  postmortemId: string;
  source: string;
  offsetMs: number;
  reason: string;
  version: number;
  createdAt: Date;
}

const bySource = (postmortemId: string, source: string) =>
  and(eq(sourceClockSkews.postmortemId, postmortemId), eq(sourceClockSkews.source, source));

/** Clock skews, keyed by (postmortem, source), versioned for If-Match. */
export const clockSkewsRepository = {
  async listForPostmortem(db: Database, postmortemId: string): Promise<SourceClockSkew[]> {
    return db
      .select()
      .from(sourceClockSkews)
      .where(eq(sourceClockSkews.postmortemId, postmortemId))
      .orderBy(asc(sourceClockSkews.source));
  },

  async find(db: Database, postmortemId: string, source: string) {
    const [row] = await db.select().from(sourceClockSkews).where(bySource(postmortemId, source));
    return row;
  },

  async insert(db: Database, skew: SourceClockSkew): Promise<SourceClockSkew> {
    const [row] = await db.insert(sourceClockSkews).values(skew).returning();
    if (!row) {
      throw new Error('insert returned no row');
    }
    return row;
  },

  /** Replaces offset and reason if the version is still `expectedVersion`. */
  async update(
    db: Database,
    current: SourceClockSkew,
    expectedVersion: number,
    values: { offsetMs: number; reason: string },
  ): Promise<SourceClockSkew> {
    if (current.version !== expectedVersion) {
      throw new DomainError('VERSION_MISMATCH', 'The clock skew was changed by someone else.', {
        details: { currentVersion: current.version, expectedVersion },
      });
    }
    const [row] = await db
      .update(sourceClockSkews)
      .set({ ...values, version: current.version + 1 })
      .where(
        and(
          bySource(current.postmortemId, current.source),
          eq(sourceClockSkews.version, expectedVersion),
        ),
      )
      .returning();
    if (!row) {
      throw new DomainError('VERSION_MISMATCH', 'The clock skew was changed by someone else.', {
        details: { expectedVersion },
      });
    }
    return row;
  },

  async remove(db: Database, postmortemId: string, source: string): Promise<void> {
    await db.delete(sourceClockSkews).where(bySource(postmortemId, source));
  },
};

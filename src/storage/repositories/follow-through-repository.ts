import { and, eq, ne, sql } from 'drizzle-orm';
import type { ActionItemStatus } from '../../domain/action-item.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import {
  actionItems,
  contributingFactors,
  incidents,
  postmortemIncidents,
  postmortems,
  whyNodes,
} from '../schema.ts';
import { postmortemVisibleTo } from '../visibility.ts';

/** An action item with what follow-through needs of its postmortem. */
export interface FollowThroughItemRow {
  postmortemId: string;
  postmortemClosed: boolean;
  status: ActionItemStatus;
  createdAt: Date;
  verifiedAt: Date | null;
  dueDate: string | null;
}

// When a postmortem's incidents happened: the earliest of them (start, else detection, else recorded).
const postmortemOccurredAt = sql<string>`(
  select min(coalesce(i.started_at, i.detected_at, i.created_at))
  from ${postmortemIncidents} pi join ${incidents} i on i.id = pi.incident_id
  where pi.postmortem_id = ${postmortems.id})`;

/** Action items and factor categories of the postmortems the viewer may see (filtered in SQL). */
export const followThroughRepository = {
  async listActionItems(db: Database, viewer: Actor): Promise<FollowThroughItemRow[]> {
    const rows = await db
      .select({
        postmortemId: actionItems.postmortemId,
        phase: postmortems.phase,
        status: actionItems.status,
        createdAt: actionItems.createdAt,
        verifiedAt: actionItems.verifiedAt,
        dueDate: actionItems.dueDate,
      })
      .from(actionItems)
      .innerJoin(postmortems, eq(postmortems.id, actionItems.postmortemId))
      // Ideas sit beside the items until promoted: they are not fixes to carry through yet.
      .where(and(postmortemVisibleTo(viewer), eq(actionItems.isIdea, false)));
    return rows.map((row) => ({
      postmortemId: row.postmortemId,
      postmortemClosed: row.phase === 'closed',
      status: row.status as ActionItemStatus,
      createdAt: row.createdAt,
      verifiedAt: row.verifiedAt,
      dueDate: row.dueDate,
    }));
  },

  /** Categories of contributing factors and marked why-tree nodes, with when their incidents happened. */
  async listFactorCategories(
    db: Database,
    viewer: Actor,
  ): Promise<Array<{ category: string; occurredAt: Date }>> {
    const factors = await db
      .select({ category: contributingFactors.category, occurredAt: postmortemOccurredAt })
      .from(contributingFactors)
      .innerJoin(postmortems, eq(postmortems.id, contributingFactors.postmortemId))
      .where(postmortemVisibleTo(viewer));
    const nodes = await db
      .select({ category: sql<string>`${whyNodes.category}`, occurredAt: postmortemOccurredAt })
      .from(whyNodes)
      .innerJoin(postmortems, eq(postmortems.id, whyNodes.postmortemId))
      .where(
        and(
          postmortemVisibleTo(viewer),
          ne(whyNodes.mark, 'none'),
          sql`${whyNodes.category} is not null`,
        ),
      );
    return [...factors, ...nodes].flatMap((row) =>
      row.occurredAt ? [{ category: row.category, occurredAt: new Date(row.occurredAt) }] : [],
    );
  },
};

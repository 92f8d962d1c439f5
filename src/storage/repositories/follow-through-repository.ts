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

// Qualified by hand: drizzle leaves columns unqualified in a single-table select, and inside
// these subqueries a bare "id" would name the incident.
const reviewId = sql.raw('"postmortems"."id"');

/** A review's root causes, services and when its fixes were all verified. */
export interface ReviewedCauseRow {
  postmortemId: string;
  title: string;
  incidentIds: string[];
  services: string[];
  rootCauseCategories: string[];
  occurredAt: Date;
  fixesVerifiedAt: Date | null;
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

  /** Reviews with their root-cause categories, services and when every fix was verified. */
  async listReviewedCauses(db: Database, viewer: Actor): Promise<ReviewedCauseRow[]> {
    const query = db
      .select({
        postmortemId: postmortems.id,
        title: postmortems.title,
        incidentIds: sql<
          string[]
        >`(select coalesce(array_agg(pi.incident_id::text), '{}') from ${postmortemIncidents} pi where pi.postmortem_id = ${reviewId})`,
        services: sql<
          string[]
        >`(select coalesce(array_agg(distinct s), '{}') from ${postmortemIncidents} pi join ${incidents} i on i.id = pi.incident_id cross join unnest(i.services) s where pi.postmortem_id = ${reviewId})`,
        categories: sql<string[]>`(select coalesce(array_agg(distinct c), '{}') from (
          select f.category as c from ${contributingFactors} f where f.postmortem_id = ${reviewId} and f.is_root_cause
          union select w.category from ${whyNodes} w where w.postmortem_id = ${reviewId} and w.mark = 'root_cause' and w.category is not null) c)`,
        occurredAt: sql<
          string | null
        >`(select max(coalesce(i.started_at, i.detected_at, i.created_at)) from ${postmortemIncidents} pi join ${incidents} i on i.id = pi.incident_id where pi.postmortem_id = ${reviewId})`,
        // Null unless there are fixes and every one that counts is verified.
        fixesVerifiedAt: sql<
          string | null
        >`(select case when count(*) > 0 and bool_and(a.status = 'verified') then max(a.verified_at) end
          from ${actionItems} a where a.postmortem_id = ${reviewId} and not a.is_idea and a.status <> 'wont_do')`,
      })
      .from(postmortems)
      .where(postmortemVisibleTo(viewer));
    const rows = await query;
    return rows.flatMap((row) =>
      row.occurredAt
        ? [
            {
              postmortemId: row.postmortemId,
              title: row.title,
              incidentIds: row.incidentIds,
              services: row.services,
              rootCauseCategories: row.categories,
              occurredAt: new Date(row.occurredAt),
              fixesVerifiedAt: row.fixesVerifiedAt ? new Date(row.fixesVerifiedAt) : null,
            },
          ]
        : [],
    );
  },
};

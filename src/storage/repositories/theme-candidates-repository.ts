import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Severity } from '../../domain/incident.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import {
  contributingFactors,
  incidents,
  postmortemIncidents,
  postmortems,
  whyNodes,
} from '../schema.ts';
import { incidentVisibleTo, postmortemVisibleTo } from '../visibility.ts';

/** An incident with the words and causes of the postmortems that review it (those the viewer may see). */
export interface ThemeCandidateRow {
  id: string;
  number: number;
  title: string;
  summary: string;
  severity: Severity;
  services: string[];
  occurredAt: Date;
  resolvedAt: Date | null;
  durationSeconds: number | null;
  postmortemIds: string[];
  postmortemTitles: string[];
  factorCategories: string[];
  /** Summaries and factor descriptions of its postmortems. */
  reviewText: string;
}

const occurredAt = sql<Date>`coalesce(${incidents.startedAt}, ${incidents.detectedAt}, ${incidents.createdAt})`;

/** The visible reviews of one incident, their titles, factor categories and text. */
export interface IncidentReviews {
  postmortemIds: string[];
  postmortemTitles: string[];
  factorCategories: string[];
  text: string;
}

/** What the theme finder and "similar past postmortems" read, filtered by visibility in SQL. */
export const themeCandidatesRepository = {
  /** Non-drill incidents the viewer may see that happened in `[since, until)`. */
  async listIncidents(
    db: Database,
    viewer: Actor,
    window: { since: Date; until: Date },
  ): Promise<ThemeCandidateRow[]> {
    const rows = await db
      .select({
        id: incidents.id,
        number: incidents.number,
        title: incidents.title,
        summary: incidents.summary,
        severity: incidents.severity,
        services: incidents.services,
        occurredAt: sql<string>`${occurredAt}`,
        startedAt: incidents.startedAt,
        resolvedAt: incidents.resolvedAt,
      })
      .from(incidents)
      .where(
        and(
          eq(incidents.isDrill, false),
          incidentVisibleTo(viewer),
          gte(occurredAt, window.since),
          lt(occurredAt, window.until),
        ),
      )
      .orderBy(occurredAt, incidents.id)
      .limit(5_000);
    const reviews = await this.listReviews(
      db,
      viewer,
      rows.map((row) => row.id),
    );
    return rows.map((row) => {
      const review = reviews.get(row.id);
      return {
        id: row.id,
        number: row.number,
        title: row.title,
        summary: row.summary,
        severity: row.severity as Severity,
        services: row.services,
        occurredAt: new Date(row.occurredAt),
        resolvedAt: row.resolvedAt,
        durationSeconds:
          row.startedAt && row.resolvedAt
            ? Math.max(0, Math.floor((row.resolvedAt.getTime() - row.startedAt.getTime()) / 1000))
            : null,
        postmortemIds: review?.postmortemIds ?? [],
        postmortemTitles: review?.postmortemTitles ?? [],
        factorCategories: review?.factorCategories ?? [],
        reviewText: review?.text ?? '',
      };
    });
  },

  /** Per incident: its visible postmortems, their factor categories and their summary text. */
  async listReviews(
    db: Database,
    viewer: Actor,
    incidentIds: string[],
  ): Promise<Map<string, IncidentReviews>> {
    const result = new Map<string, IncidentReviews>();
    if (incidentIds.length === 0) {
      return result;
    }
    const rows = await db
      .select({
        incidentId: postmortemIncidents.incidentId,
        postmortemId: postmortems.id,
        title: postmortems.title,
        summary: sql<string>`coalesce(${postmortems.sections} ->> 'summary', '')`,
        factors: sql<Array<{ category: string | null; text: string | null }>>`(
          select coalesce(json_agg(json_build_object('category', f.category, 'text', f.description)), '[]'::json)
          from ${contributingFactors} f where f.postmortem_id = ${postmortems.id})`,
        nodes: sql<Array<{ category: string | null; text: string | null }>>`(
          select coalesce(json_agg(json_build_object('category', w.category, 'text', w.answer)), '[]'::json)
          from ${whyNodes} w where w.postmortem_id = ${postmortems.id} and w.mark <> 'none')`,
      })
      .from(postmortemIncidents)
      .innerJoin(postmortems, eq(postmortems.id, postmortemIncidents.postmortemId))
      .where(
        and(inArray(postmortemIncidents.incidentId, incidentIds), postmortemVisibleTo(viewer)),
      );
    for (const row of rows) {
      const entry = result.get(row.incidentId) ?? {
        postmortemIds: [],
        postmortemTitles: [],
        factorCategories: [],
        text: '',
      };
      entry.postmortemTitles.push(row.title);
      const causes = [...row.factors, ...row.nodes];
      entry.postmortemIds.push(row.postmortemId);
      entry.factorCategories = [
        ...new Set([
          ...entry.factorCategories,
          ...causes.flatMap((cause) => (cause.category ? [cause.category] : [])),
        ]),
      ].sort();
      entry.text = [entry.text, row.summary, ...causes.map((cause) => cause.text ?? '')]
        .filter(Boolean)
        .join('\n');
      result.set(row.incidentId, entry);
    }
    return result;
  },
};

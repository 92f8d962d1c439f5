import { inArray, type SQL, sql } from 'drizzle-orm';
import type { IncidentKind, Severity } from '../../domain/incident.ts';
import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';
import { parseRecordNumber } from '../../domain/record-number.ts';
import {
  actionItems,
  incidents,
  participants,
  postmortemIncidents,
  postmortemMembers,
  postmortems,
} from '../schema.ts';

/** Filters for listing postmortems; they combine with AND, lists are OR within a filter. */
export interface PostmortemFilters {
  phases?: PostmortemPhase[];
  incidentId?: string;
  /** Words in the title, or the number (`12` or `PM-12`). */
  q?: string;
  /** The worst severity among the reviewed incidents. */
  severities?: Severity[];
  /** Any reviewed incident of one of these kinds. */
  kinds?: IncidentKind[];
  /** Any reviewed incident that touched this service. */
  service?: string;
  /** Only these postmortems (e.g. the overdue ones, worked out by the caller). */
  ids?: string[];
  /** Created by, a member of, a participant in, or owning an action item of this user. */
  involvingUserId?: string;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function reviewsIncidentWhere(condition: SQL): SQL {
  return sql`exists (select 1 from ${postmortemIncidents} pi join ${incidents} i on i.id = pi.incident_id where pi.postmortem_id = ${postmortems.id} and ${condition})`;
}

function matchesText(q: string): SQL {
  const number = parseRecordNumber(q.replace(/^pm(?=\d)/i, ''));
  const title = sql`${postmortems.title} ilike ${`%${escapeLike(q.trim())}%`}`;
  return number === undefined ? title : sql`(${title} or ${postmortems.number} = ${number})`;
}

function involves(userId: string): SQL {
  return sql`(${postmortems.createdById} = ${userId}
    or exists (select 1 from ${postmortemMembers} m where m.postmortem_id = ${postmortems.id} and m.user_id = ${userId})
    or exists (select 1 from ${participants} p where p.postmortem_id = ${postmortems.id} and p.user_id = ${userId})
    or exists (select 1 from ${actionItems} a where a.postmortem_id = ${postmortems.id} and a.owner_user_id = ${userId}))`;
}

/** The SQL conditions of the filters (visibility is added by the caller). */
export function postmortemFilterConditions(filters: PostmortemFilters): Array<SQL | undefined> {
  const severityList = filters.severities?.length
    ? sql.join(
        filters.severities.map((s) => sql`${s}`),
        sql`, `,
      )
    : undefined;
  return [
    filters.phases?.length ? inArray(postmortems.phase, filters.phases) : undefined,
    filters.incidentId ? reviewsIncidentWhere(sql`i.id = ${filters.incidentId}`) : undefined,
    filters.q?.trim() ? matchesText(filters.q) : undefined,
    severityList
      ? // sev1 < sev2 < …: the smallest is the worst.
        sql`(select min(i.severity) from ${postmortemIncidents} pi join ${incidents} i on i.id = pi.incident_id where pi.postmortem_id = ${postmortems.id}) in (${severityList})`
      : undefined,
    filters.kinds?.length
      ? reviewsIncidentWhere(
          sql`i.kind in (${sql.join(
            filters.kinds.map((k) => sql`${k}`),
            sql`, `,
          )})`,
        )
      : undefined,
    filters.service ? reviewsIncidentWhere(sql`${filters.service} = any(i.services)`) : undefined,
    filters.ids
      ? filters.ids.length
        ? inArray(postmortems.id, filters.ids)
        : sql`false`
      : undefined,
    filters.involvingUserId ? involves(filters.involvingUserId) : undefined,
  ];
}

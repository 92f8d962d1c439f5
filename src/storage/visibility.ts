import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../domain/user.ts';
import {
  comments,
  incidentMembers,
  incidents,
  postmortemIncidents,
  postmortemMembers,
  postmortems,
  restrictedSectionMembers,
  restrictedSections,
} from './schema.ts';

/**
 * SQL condition: the actor may see this incident row. Restricted rows are filtered here, in
 * the query, so they never reach a list, a count or an export of someone else.
 */
export function incidentVisibleTo(actor: Actor): SQL {
  if (actor.role === 'admin') {
    return sql`true`;
  }
  return sql`(${incidents.restricted} = false or exists (select 1 from ${incidentMembers} where ${incidentMembers.incidentId} = ${incidents.id} and ${incidentMembers.userId} = ${actor.id}))`;
}

/**
 * SQL condition: the actor may see this postmortem row — its own restriction and that of
 * every incident it reviews must both allow it.
 */
export function postmortemVisibleTo(actor: Actor): SQL {
  if (actor.role === 'admin') {
    return sql`true`;
  }
  return sql`((${postmortems.restricted} = false or exists (select 1 from ${postmortemMembers} where ${postmortemMembers.postmortemId} = ${postmortems.id} and ${postmortemMembers.userId} = ${actor.id}))
    and not exists (
      select 1 from ${postmortemIncidents} pi join ${incidents} i on i.id = pi.incident_id
      where pi.postmortem_id = ${postmortems.id} and i.restricted = true
        and not exists (select 1 from ${incidentMembers} im where im.incident_id = i.id and im.user_id = ${actor.id})
    ))`;
}

/**
 * SQL condition over `restricted_sections` rows: the actor may read this restricted section
 * (admins, or its members) — `canReadSection` in SQL. Restricted text is never stored in
 * `postmortems.sections`, so a query that reads that column is safe as it is; a query that
 * also reads `restricted_sections.body` (search, exports) must carry this condition, together
 * with `postmortemVisibleTo` for the postmortem it belongs to.
 */
export function restrictedSectionVisibleTo(actor: Actor): SQL {
  if (actor.role === 'admin') {
    return sql`true`;
  }
  return sql`exists (select 1 from ${restrictedSectionMembers} where ${restrictedSectionMembers.postmortemId} = ${restrictedSections.postmortemId} and ${restrictedSectionMembers.sectionKey} = ${restrictedSections.sectionKey} and ${restrictedSectionMembers.userId} = ${actor.id})`;
}

/**
 * SQL condition over `comments` rows: the comment is not on a section restricted from the
 * actor (admins, and a restricted section's members, read it). Whether the actor may see the
 * postmortem at all is `postmortemVisibleTo`'s, to be joined with it.
 */
export function commentVisibleTo(actor: Actor): SQL {
  if (actor.role === 'admin') {
    return sql`true`;
  }
  return sql`(${comments.targetType} <> 'section' or not exists (
    select 1 from ${restrictedSections} rs
    where rs.postmortem_id = ${comments.postmortemId} and rs.section_key = ${comments.targetId}
      and not exists (select 1 from ${restrictedSectionMembers} rsm
        where rsm.postmortem_id = rs.postmortem_id and rsm.section_key = rs.section_key
          and rsm.user_id = ${actor.id})
  ))`;
}

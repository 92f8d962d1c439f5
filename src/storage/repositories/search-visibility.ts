import { type SQL, sql } from 'drizzle-orm';
import {
  incidentMembers,
  postmortemMembers,
  restrictedSectionMembers,
  restrictedSections,
} from '../schema.ts';

/**
 * Whose visibility a search statement checks: an admin's (everything) or another account's, by
 * the `actorId` placeholder, so one built statement serves every account of that kind.
 */
export type SearchReader = 'admin' | 'account';

const actorId = sql.placeholder('actorId');

/**
 * SQL condition on a search row `s`: the reader may see this postmortem — `postmortemVisibleTo`
 * over the row's copies of the postmortem's restriction and of its restricted incidents (kept
 * by the same triggers, in the same commit): a member of the postmortem if it is restricted,
 * and of every restricted incident it reviews.
 */
export function searchRowVisibleTo(reader: SearchReader): SQL {
  if (reader === 'admin') {
    return sql`true`;
  }
  // The reader's memberships are read once per query (uncorrelated), not once per match.
  return sql`((s.restricted = false or s.postmortem_id = any(array(
      select m.postmortem_id from ${postmortemMembers} m where m.user_id = ${actorId})))
    and (cardinality(s.restricted_incident_ids) = 0 or s.restricted_incident_ids <@ array(
      select im.incident_id from ${incidentMembers} im where im.user_id = ${actorId})))`;
}

const restrictedPrefix = 'restricted:';

/**
 * SQL condition on a search document `d`: the reader may read this part. A restricted section's
 * part (`restricted:<key>`) only under the restricted-section rule (`restrictedSectionVisibleTo`:
 * admins, or the section's members), so its words are neither a hit, nor a snippet, nor counted
 * for anyone else.
 */
export function searchPartVisibleTo(reader: SearchReader): SQL {
  if (reader === 'admin') {
    return sql`true`;
  }
  // Looked up by key for each restricted part (a few per search); `offset 0` keeps PostgreSQL
  // from turning it into a hash of every restricted section the reader may read, built twice per
  // search whether or not a restricted part is met.
  return sql`(d.part not like 'restricted:%' or exists (
    select 1 from ${restrictedSections}
    where ${restrictedSections.postmortemId} = d.postmortem_id
      and ${restrictedSections.sectionKey} = substr(d.part, ${restrictedPrefix.length + 1})
      and exists (select 1 from ${restrictedSectionMembers} rsm
        where rsm.postmortem_id = ${restrictedSections.postmortemId}
          and rsm.section_key = ${restrictedSections.sectionKey} and rsm.user_id = ${actorId})
    offset 0))`;
}

import { type SQL, sql } from 'drizzle-orm';
import type { SearchFilters } from '../../domain/search.ts';
import { publications } from '../schema.ts';

/** A search filter's name. */
export type SearchFilterName = keyof SearchFilters;

/**
 * Which filters a search statement's text holds: those named (each a plain condition), or
 * `'any'`: every filter, each true when its value is null (see `searchFilterConditions`).
 */
export type SearchFilterSet = readonly SearchFilterName[] | 'any';

const list = (name: SearchFilterName) => sql`${sql.placeholder(name)}::text[]`;

/** Each filter's value: its placeholder, typed. */
const typed: Record<SearchFilterName, SQL> = {
  phase: list('phase'),
  severity: list('severity'),
  kind: list('kind'),
  service: list('service'),
  category: list('category'),
  from: sql`${sql.placeholder('from')}::date`,
  to: sql`${sql.placeholder('to')}::date`,
  published: sql`${sql.placeholder('published')}::boolean`,
};

/** Each filter's condition over a search row `s`. */
const conditions: Record<SearchFilterName, SQL> = {
  phase: sql`s.phase = any(${typed.phase})`,
  severity: sql`s.severity = any(${typed.severity})`,
  kind: sql`s.kinds && ${typed.kind}`,
  service: sql`s.services && ${typed.service}`,
  category: sql`s.categories && ${typed.category}`,
  // Some reviewed incident started in the range: the last start on or after `from`, the first
  // on or before `to` (each filter alone is "any incident", as before the search row).
  from: sql`s.last_started_at >= ${typed.from}::timestamp at time zone 'UTC'`,
  to: sql`s.first_started_at < (${typed.to} + 1)::timestamp at time zone 'UTC'`,
  published: sql`exists (select 1 from ${publications} pb
      where pb.postmortem_id = s.postmortem_id and pb.status = 'published') = ${typed.published}`,
};

/** Every filter's name, in the order their conditions are written. */
export const searchFilterNames = Object.keys(conditions) as SearchFilterName[];

/**
 * The filters as SQL over a search row `s` (`search_postmortems`; visibility is separate), on
 * placeholders named after the filters (values: `searchFilterValues`). With a set of filters,
 * one condition per filter in it. With `'any'`, one per filter whether it is set or not, an
 * unset filter's value null and its condition true: one text for every search. PostgreSQL keeps
 * a prepared statement's generic plan, which tests every unset filter on every match (a few ms
 * per common word), so searches get the text of their own set, and `'any'` serves the sets met
 * once too many were (`search-repository.ts`).
 */
export function searchFilterConditions(set: SearchFilterSet): SQL[] {
  if (set === 'any') {
    return searchFilterNames.map((name) => sql`(${typed[name]} is null or ${conditions[name]})`);
  }
  return set.map((name) => conditions[name]);
}

/** The values of `searchFilterConditions`' placeholders: null for a filter not set. */
export function searchFilterValues(filters: SearchFilters): Record<SearchFilterName, unknown> {
  const orNull = (values: readonly string[] | undefined) => (values?.length ? values : null);
  return {
    phase: orNull(filters.phase),
    severity: orNull(filters.severity),
    kind: orNull(filters.kind),
    service: orNull(filters.service),
    category: orNull(filters.category),
    from: filters.from ?? null,
    to: filters.to ?? null,
    published: filters.published ?? null,
  };
}

/** The filters a search sets, in the order of `searchFilterNames`. */
export function searchFilterSetOf(filters: SearchFilters): SearchFilterName[] {
  const values = searchFilterValues(filters);
  return searchFilterNames.filter((name) => values[name] !== null);
}

import { type SQL, sql } from 'drizzle-orm';
import type { SearchFilters } from '../../domain/search.ts';
import { publications } from '../schema.ts';

const value = (name: keyof SearchFilters) => sql.placeholder(name);

/**
 * The filters as SQL over a search row `s` (`search_postmortems`; visibility is separate), one
 * condition per filter whether it is set or not, each on a placeholder named after its filter
 * (values: `searchFilterValues`): an unset filter's value is null and its condition true. The
 * text is then the same for every search, so it is built once and PostgreSQL keeps it as one
 * prepared statement per connection, instead of one per combination of filters and list
 * lengths; a plan made for the values at hand folds the unset conditions away.
 */
export function searchFilterConditions(): SQL[] {
  const list = (name: keyof SearchFilters) => sql`${value(name)}::text[]`;
  const from = sql`${value('from')}::date`;
  const to = sql`${value('to')}::date`;
  const published = sql`${value('published')}::boolean`;
  return [
    sql`(${list('phase')} is null or s.phase = any(${list('phase')}))`,
    sql`(${list('severity')} is null or s.severity = any(${list('severity')}))`,
    sql`(${list('kind')} is null or s.kinds && ${list('kind')})`,
    sql`(${list('service')} is null or s.services && ${list('service')})`,
    sql`(${list('category')} is null or s.categories && ${list('category')})`,
    // Some reviewed incident started in the range: the last start on or after `from`, the first
    // on or before `to` (each filter alone is "any incident", as before the search row).
    sql`(${from} is null or s.last_started_at >= ${from}::timestamp at time zone 'UTC')`,
    sql`(${to} is null or s.first_started_at < (${to} + 1)::timestamp at time zone 'UTC')`,
    sql`(${published} is null or exists (select 1 from ${publications} pb
      where pb.postmortem_id = s.postmortem_id and pb.status = 'published') = ${published})`,
  ];
}

/** The values of `searchFilterConditions`' placeholders: null for a filter not set. */
export function searchFilterValues(filters: SearchFilters): Record<keyof SearchFilters, unknown> {
  const list = (values: readonly string[] | undefined) => (values?.length ? values : null);
  return {
    phase: list(filters.phase),
    severity: list(filters.severity),
    kind: list(filters.kind),
    service: list(filters.service),
    category: list(filters.category),
    from: filters.from ?? null,
    to: filters.to ?? null,
    published: filters.published ?? null,
  };
}

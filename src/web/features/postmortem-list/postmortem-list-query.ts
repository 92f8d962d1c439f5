/** The postmortem list's filters, as query-string values (the address keeps them). */
export interface PostmortemListFilters {
  q?: string;
  phase?: string;
  severity?: string;
  kind?: string;
  service?: string;
  overdue?: string;
  mine?: string;
}

/** The filter names the postmortem list keeps in its address. */
export const postmortemFilterKeys = [
  'q',
  'phase',
  'severity',
  'kind',
  'service',
  'overdue',
  'mine',
] as const;

/** Reads the postmortem filters from a query string, ignoring empty values. */
export function postmortemFiltersFromQuery(query: URLSearchParams): PostmortemListFilters {
  const filters: PostmortemListFilters = {};
  for (const key of postmortemFilterKeys) {
    const value = query.get(key)?.trim();
    if (value) {
      filters[key] = value;
    }
  }
  return filters;
}

/** The address of the postmortem list with these filters. */
export function postmortemListHref(filters: PostmortemListFilters): string {
  const params = new URLSearchParams();
  for (const key of postmortemFilterKeys) {
    const value = filters[key]?.trim();
    if (value) {
      params.set(key, value);
    }
  }
  const search = params.toString();
  return search ? `/postmortems?${search}` : '/postmortems';
}

import type { IncidentFilters } from '../../api/incidents-api.ts';

/** The filter names the incident list keeps in its address. */
export const incidentFilterKeys = [
  'kind',
  'severity',
  'status',
  'service',
  'from',
  'to',
  'q',
] as const;

/** Reads the incident filters from a query string, ignoring empty values. */
export function filtersFromQuery(query: URLSearchParams): IncidentFilters {
  const filters: IncidentFilters = {};
  for (const key of incidentFilterKeys) {
    const value = query.get(key)?.trim();
    if (value) {
      filters[key] = value;
    }
  }
  return filters;
}

/** The address of the incident list with these filters. */
export function incidentListHref(filters: IncidentFilters): string {
  const params = new URLSearchParams();
  for (const key of incidentFilterKeys) {
    const value = filters[key]?.trim();
    if (value) {
      params.set(key, value);
    }
  }
  const search = params.toString();
  return search ? `/incidents?${search}` : '/incidents';
}

import { addressFilters } from '../../lib/address-filters.ts';

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

const postmortemListAddress = addressFilters('/postmortems', postmortemFilterKeys);

/** Reads the postmortem filters from a query string, ignoring empty values. */
export const postmortemFiltersFromQuery: (query: URLSearchParams) => PostmortemListFilters =
  postmortemListAddress.fromQuery;

/** The address of the postmortem list with these filters. */
export const postmortemListHref: (filters: PostmortemListFilters) => string =
  postmortemListAddress.href;

import type { IncidentFilters } from '../../api/incidents-api.ts';
import { addressFilters } from '../../lib/address-filters.ts';

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

const incidentAddress = addressFilters('/incidents', incidentFilterKeys);

/** Reads the incident filters from a query string, ignoring empty values. */
export const filtersFromQuery: (query: URLSearchParams) => IncidentFilters =
  incidentAddress.fromQuery;

/** The address of the incident list with these filters. */
export const incidentListHref: (filters: IncidentFilters) => string = incidentAddress.href;

import { type SearchFiltersDto, searchFilterKeys } from '../../../contracts/search.ts';
import type { SearchParams } from '../../api/search-api.ts';
import { addressFilters } from '../../lib/address-filters.ts';

/** The names the search page keeps in its address. */
export const searchParamKeys = ['q', ...searchFilterKeys, 'view', 'offset'] as const;

const searchAddress = addressFilters('/search', searchParamKeys);

/** Reads the search page's state from a query string, ignoring empty values. */
export const searchParamsFromQuery: (query: URLSearchParams) => SearchParams =
  searchAddress.fromQuery;

/** The address of the search page for this state. */
export const searchHref: (params: SearchParams) => string = searchAddress.href;

/** A saved view's filters as the page's comma-separated values. */
export function paramsFromView(q: string, filters: SearchFiltersDto): SearchParams {
  const params: SearchParams = { q };
  for (const key of searchFilterKeys) {
    const value = filters[key];
    params[key] = Array.isArray(value)
      ? value.join(',')
      : typeof value === 'boolean'
        ? String(value)
        : value;
  }
  return params;
}

/** The page's filters as a saved view stores them. */
export function viewFiltersFromParams(params: SearchParams): SearchFiltersDto {
  const list = (value: string | undefined) =>
    value
      ?.split(',')
      .map((v) => v.trim())
      .filter(Boolean);
  const filters: Record<string, unknown> = {};
  for (const key of ['kind', 'severity', 'service', 'category', 'phase'] as const) {
    const values = list(params[key]);
    if (values?.length) {
      filters[key] = values;
    }
  }
  if (params.from) {
    filters.from = params.from;
  }
  if (params.to) {
    filters.to = params.to;
  }
  if (params.published === 'true' || params.published === 'false') {
    filters.published = params.published === 'true';
  }
  return filters as SearchFiltersDto;
}

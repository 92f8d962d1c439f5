import { type SearchFiltersDto, searchFilterKeys } from '../../../contracts/search.ts';
import type { SearchParams } from '../../api/search-api.ts';

/** The names the search page keeps in its address. */
export const searchParamKeys = ['q', ...searchFilterKeys, 'view', 'offset'] as const;

/** Reads the search page's state from a query string, ignoring empty values. */
export function searchParamsFromQuery(query: URLSearchParams): SearchParams {
  const params: SearchParams = {};
  for (const key of searchParamKeys) {
    const value = query.get(key)?.trim();
    if (value) {
      params[key] = value;
    }
  }
  return params;
}

/** The address of the search page for this state. */
export function searchHref(params: SearchParams): string {
  const query = new URLSearchParams();
  for (const key of searchParamKeys) {
    const value = params[key]?.trim();
    if (value) {
      query.set(key, value);
    }
  }
  const text = query.toString();
  return text ? `/search?${text}` : '/search';
}

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

import { searchFilterKeys } from '../../contracts/search.ts';
import { DomainError } from '../../domain/errors.ts';
import type { SearchFilters, SearchHit, SearchQuery } from '../../domain/search.ts';
import type { Actor } from '../../domain/user.ts';
import { savedViewsRepository } from '../../storage/repositories/saved-views-repository.ts';
import { searchRepository } from '../../storage/repositories/search-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/** A search request: its own words and filters, optionally on top of a saved view. */
export interface SearchRequest extends SearchFilters {
  q: string;
  /** A saved view (own or shared) whose words and filters the request's complete. */
  viewId?: string;
  limit: number;
  offset: number;
}

/** What a search found, with the words and filters it applied. */
export interface SearchResult {
  hits: SearchHit[];
  total: number;
  applied: { q: string; filters: SearchFilters };
}

function pickFilters(source: SearchFilters): SearchFilters {
  const filters: Record<string, unknown> = {};
  for (const key of searchFilterKeys) {
    const value = source[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      filters[key] = value;
    }
  }
  return filters as SearchFilters;
}

/**
 * Full-text search across the postmortems the actor may see, ranked, with snippets. A saved
 * view's filters apply unless the request sets the same filter; its words unless the request
 * has words of its own.
 */
export async function searchPostmortems(
  deps: AppDeps,
  actor: Actor,
  request: SearchRequest,
): Promise<SearchResult> {
  // No transaction: the page, its total and its snippets are one statement (one snapshot), and
  // a saved view is read once before it; a transaction would only add round trips.
  let q = request.q;
  let filters = pickFilters(request);
  if (request.viewId) {
    const view = await savedViewsRepository.findVisible(deps.db, actor, request.viewId);
    if (!view) {
      throw new DomainError('NOT_FOUND', 'Saved view not found.');
    }
    q = q.trim() ? q : view.q;
    filters = { ...pickFilters(view.filters), ...filters };
  }
  const query: SearchQuery = { ...filters, q, limit: request.limit, offset: request.offset };
  const { hits, total } = await searchRepository.search(deps.db, actor, query);
  return { hits, total, applied: { q, filters } };
}

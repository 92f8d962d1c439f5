import { useCallback, useMemo } from 'react';
import { policyApi } from '../../api/policy-api.ts';
import { searchApi } from '../../api/search-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { SavedViewsPanel } from '../../features/search/SavedViewsPanel.tsx';
import { SearchFiltersForm } from '../../features/search/SearchFiltersForm.tsx';
import { SearchHitList } from '../../features/search/SearchHitList.tsx';
import {
  paramsFromView,
  searchHref,
  searchParamsFromQuery,
} from '../../features/search/search-query.ts';
import { plural } from '../../lib/plural.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../routing/Link.tsx';
import { useLocation } from '../../routing/use-location.ts';

const pageSize = 20;

/** `/search`: full-text search across postmortems, with filters, paging and saved views. */
export function SearchScene() {
  const { query, href } = useLocation();
  const search = query.toString();
  const params = useMemo(() => searchParamsFromQuery(new URLSearchParams(search)), [search]);
  useDocumentTitle(params.q ? `Search: ${params.q}` : 'Search');
  const load = useCallback(() => searchApi.search(params), [params]);
  const answer = useResource(load);
  const policy = useResource(policyApi.get);

  const sectionLabels = Object.fromEntries(
    (policy.data?.reportSections ?? []).map((s) => [s.key, s.label]),
  );
  const categories = (policy.data?.factorTaxonomy ?? []).map((c) => [c.key, c.label] as const);
  const offset = Number(params.offset ?? 0);
  // A saved view's words and filters show in the form once its answer says what they are.
  const shown =
    answer.data && params.view
      ? { ...paramsFromView(answer.data.applied.q, answer.data.applied.filters), view: params.view }
      : params;

  return (
    <>
      <h1>Search</h1>
      <div className="search-layout">
        <div>
          <SearchFiltersForm
            key={`form:${href}:${JSON.stringify(shown)}`}
            initial={shown}
            categories={categories}
          />
          {!answer.data ? (
            <LoadState problem={answer.problem} onRetry={answer.reload} />
          ) : answer.data.data.length === 0 ? (
            <p className="empty" role="status">
              No postmortem you may see matches.
            </p>
          ) : (
            <>
              <p className="muted" role="status">
                {plural(answer.data.page.total, 'postmortem')} found
                {answer.data.page.total > pageSize &&
                  `, ${offset + 1}–${offset + answer.data.data.length} shown`}
              </p>
              <SearchHitList hits={answer.data.data} sectionLabels={sectionLabels} />
              <nav className="actions" aria-label="Pages">
                {offset > 0 && (
                  <Link
                    to={searchHref({ ...params, offset: String(Math.max(0, offset - pageSize)) })}
                  >
                    Previous
                  </Link>
                )}
                {offset + pageSize < answer.data.page.total && (
                  <Link to={searchHref({ ...params, offset: String(offset + pageSize) })}>
                    Next
                  </Link>
                )}
              </nav>
            </>
          )}
        </div>
        <SavedViewsPanel params={shown} />
      </div>
    </>
  );
}

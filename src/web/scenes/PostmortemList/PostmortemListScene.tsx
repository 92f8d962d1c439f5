import { useMemo } from 'react';
import { PostmortemFiltersForm } from '../../features/postmortem-list/PostmortemFiltersForm.tsx';
import { PostmortemResults } from '../../features/postmortem-list/PostmortemResults.tsx';
import { postmortemFiltersFromQuery } from '../../features/postmortem-list/postmortem-list-query.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useLocation } from '../../routing/use-location.ts';

/** `/postmortems`: every postmortem the viewer may see, searchable and filterable. */
export function PostmortemListScene() {
  useDocumentTitle('Postmortems');
  const { query, href } = useLocation();
  const search = query.toString();
  const filters = useMemo(() => postmortemFiltersFromQuery(new URLSearchParams(search)), [search]);

  return (
    <>
      <h1>Postmortems</h1>
      <PostmortemFiltersForm key={`filters:${href}`} initial={filters} />
      <PostmortemResults key={`results:${href}`} filters={filters} />
    </>
  );
}

import { useCallback, useState } from 'react';
import { type PostmortemSummary, postmortemsApi } from '../../api/postmortems-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { plural } from '../../lib/plural.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { PostmortemTable } from './PostmortemTable.tsx';
import type { PostmortemListFilters } from './postmortem-list-query.ts';

/** The filtered postmortems, first page on mount and more pages on request. */
export function PostmortemResults({ filters }: { filters: PostmortemListFilters }) {
  const load = useCallback(() => postmortemsApi.list({ ...filters }), [filters]);
  const first = useResource(load);
  const [more, setMore] = useState<{ items: PostmortemSummary[]; nextCursor: string | null }>();
  const loadMore = useSubmit();

  if (!first.data) {
    return <LoadState problem={first.problem} onRetry={first.reload} />;
  }
  const items = [...first.data.data.map((row) => row.data), ...(more?.items ?? [])];
  const nextCursor = more ? more.nextCursor : first.data.page.nextCursor;
  const total = first.data.page.total;

  const handleLoadMore = async () => {
    if (!nextCursor) {
      return;
    }
    const page = await loadMore.run(() => postmortemsApi.list({ ...filters, cursor: nextCursor }));
    if (page) {
      setMore({
        items: [...(more?.items ?? []), ...page.data.map((row) => row.data)],
        nextCursor: page.page.nextCursor,
      });
    }
  };

  if (items.length === 0) {
    const unfiltered = Object.values(filters).every((value) => !value);
    return (
      <p className="empty">
        {unfiltered
          ? 'No postmortems yet. Open one from an incident, or select several incidents for a thematic review.'
          : 'No postmortems match these filters.'}
      </p>
    );
  }
  return (
    <>
      <p className="muted" role="status">
        Showing {items.length} of {plural(total, 'postmortem')}
      </p>
      <PostmortemTable postmortems={items} />
      <ProblemAlert problem={loadMore.problem} />
      {nextCursor && (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={handleLoadMore}
            disabled={loadMore.pending}
          >
            {loadMore.pending ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </>
  );
}

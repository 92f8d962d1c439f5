import { useCallback, useState } from 'react';
import { type Incident, type IncidentFilters, incidentsApi } from '../../api/incidents-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { IncidentTable } from './IncidentTable.tsx';
import { LoadDemoButton } from './LoadDemoButton.tsx';
import { ThematicPostmortemBar } from './ThematicPostmortemBar.tsx';

/** The filtered incidents, first page on mount and more pages on request. */
export function IncidentResults({
  filters,
  canLoadDemo,
  canOpenPostmortem = false,
}: {
  filters: IncidentFilters;
  canLoadDemo: boolean;
  /** Shows tick boxes to open a thematic postmortem over several incidents. */
  canOpenPostmortem?: boolean;
}) {
  const load = useCallback(() => incidentsApi.list(filters), [filters]);
  const first = useResource(load);
  const [more, setMore] = useState<{ items: Incident[]; nextCursor: string | null } | null>(null);
  const loadMore = useSubmit();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) {
        next.add(id);
      } else {
        next.delete(id);
      }
      return next;
    });

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
    const page = await loadMore.run(() => incidentsApi.list(filters, nextCursor));
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
      <>
        <p className="empty">
          {unfiltered ? 'No incidents yet.' : 'No incidents match these filters.'}
        </p>
        {unfiltered && canLoadDemo && <LoadDemoButton />}
      </>
    );
  }
  return (
    <>
      <p className="muted" role="status">
        Showing {items.length} of {total} incident{total === 1 ? '' : 's'}
      </p>
      {selected.size > 0 && (
        <ThematicPostmortemBar incidentIds={[...selected]} onClear={() => setSelected(new Set())} />
      )}
      <IncidentTable
        incidents={items}
        selection={canOpenPostmortem ? { selected, toggle } : undefined}
      />
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

import { useMemo } from 'react';
import { filtersFromQuery } from '../../features/incidents/filters-from-query.ts';
import { IncidentFiltersForm } from '../../features/incidents/IncidentFiltersForm.tsx';
import { IncidentResults } from '../../features/incidents/IncidentResults.tsx';
import { useSession } from '../../features/session/session-context.ts';
import { can } from '../../lib/abilities.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Link } from '../../routing/Link.tsx';
import { useLocation } from '../../routing/use-location.ts';

/** `/incidents`: the filterable incident list. Filters live in the address. */
export function IncidentListScene() {
  useDocumentTitle('Incidents');
  const { session } = useSession();
  const { query, href } = useLocation();
  const search = query.toString();
  const filters = useMemo(() => filtersFromQuery(new URLSearchParams(search)), [search]);

  return (
    <>
      <div className="page-heading">
        <h1>Incidents</h1>
        {can(session.abilities, 'createIncident') && (
          <Link to="/incidents/new" className="button">
            New incident
          </Link>
        )}
      </div>
      <IncidentFiltersForm key={`filters:${href}`} initial={filters} />
      <IncidentResults
        key={`results:${href}`}
        filters={filters}
        canLoadDemo={can(session.abilities, 'manageUsers')}
        canOpenPostmortem={can(session.abilities, 'createPostmortem')}
      />
    </>
  );
}

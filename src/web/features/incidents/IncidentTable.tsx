import type { Incident } from '../../api/incidents-api.ts';
import { formatInstant } from '../../lib/datetime.ts';
import { Link } from '../../routing/Link.tsx';
import { AntiPatternBadge } from '../anti-patterns/AntiPatternBadge.tsx';
import { useAntiPatternSummaries } from '../anti-patterns/use-anti-pattern-summaries.ts';
import { incidentLabels } from './labels.ts';
import { SeverityBadge } from './SeverityBadge.tsx';

/** Which incidents are ticked, for acting on several at once. */
export interface IncidentSelection {
  selected: ReadonlySet<string>;
  toggle: (id: string, on: boolean) => void;
}

/**
 * Incidents as a table: number, title, kind, severity, status, services, start, anti-patterns;
 * with a `selection`, a tick box per row.
 */
export function IncidentTable({
  incidents,
  selection,
}: {
  incidents: Incident[];
  selection?: IncidentSelection;
}) {
  const antiPatterns = useAntiPatternSummaries(incidents.map((incident) => incident.id));
  return (
    <table className="data-table">
      <thead>
        <tr>
          {selection && (
            <th scope="col">
              <span className="visually-hidden">Select</span>
            </th>
          )}
          <th scope="col">#</th>
          <th scope="col">Title</th>
          <th scope="col">Kind</th>
          <th scope="col">Severity</th>
          <th scope="col">Status</th>
          <th scope="col">Services</th>
          <th scope="col">Started</th>
          <th scope="col">Anti-patterns</th>
        </tr>
      </thead>
      <tbody>
        {incidents.map((incident) => (
          <tr key={incident.id}>
            {selection && (
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select #${incident.number} ${incident.title}`}
                  checked={selection.selected.has(incident.id)}
                  onChange={(e) => selection.toggle(incident.id, e.target.checked)}
                />
              </td>
            )}
            <td>{incident.number}</td>
            <td>
              <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>
              {incident.isDrill && <span className="tag">Drill</span>}
              {incident.restricted && <span className="tag">Restricted</span>}
            </td>
            <td>{incidentLabels.kind[incident.kind]}</td>
            <td>
              <SeverityBadge severity={incident.severity} />
            </td>
            <td>{incidentLabels.status[incident.status]}</td>
            <td>{incident.services.join(', ') || '—'}</td>
            <td>{formatInstant(incident.instants.started_at?.at)}</td>
            <td>
              <AntiPatternBadge summary={antiPatterns[incident.id]} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useCallback } from 'react';
import { incidentsApi } from '../../api/incidents-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { formatInstant } from '../../lib/datetime.ts';
import { plural } from '../../lib/plural.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../routing/Link.tsx';
import { incidentLabels } from '../incidents/labels.ts';
import { SeverityBadge } from '../incidents/SeverityBadge.tsx';

/** Every incident a postmortem reviews (one, or several for a thematic review). */
export function ReviewedIncidents({ incidentIds }: { incidentIds: string[] }) {
  const key = incidentIds.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the joined ids are the identity of the list
  const load = useCallback(
    () => Promise.all(incidentIds.map((id) => incidentsApi.get(id).then((one) => one.data))),
    [key],
  );
  const incidents = useResource(load);

  return (
    <section aria-labelledby="reviewed-incidents-heading">
      <h2 id="reviewed-incidents-heading">Reviews {plural(incidentIds.length, 'incident')}</h2>
      {!incidents.data ? (
        <LoadState problem={incidents.problem} onRetry={incidents.reload} />
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">Incidents reviewed</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Title</th>
                <th scope="col">Kind</th>
                <th scope="col">Severity</th>
                <th scope="col">Services</th>
                <th scope="col">Started</th>
                <th scope="col">Resolved</th>
              </tr>
            </thead>
            <tbody>
              {incidents.data.map((incident) => (
                <tr key={incident.id}>
                  <td>{incident.number}</td>
                  <td className="wrap-cell">
                    <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>
                  </td>
                  <td>{incidentLabels.kind[incident.kind]}</td>
                  <td>
                    <SeverityBadge severity={incident.severity} />
                  </td>
                  <td>{incident.services.join(', ') || '—'}</td>
                  <td>{formatInstant(incident.instants.started_at?.at)}</td>
                  <td>{formatInstant(incident.instants.resolved_at?.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

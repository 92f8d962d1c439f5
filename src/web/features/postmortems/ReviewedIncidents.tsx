import { LoadState } from '../../components/LoadState.tsx';
import { formatInstant } from '../../lib/datetime.ts';
import { plural } from '../../lib/plural.ts';
import { Link } from '../../routing/Link.tsx';
import { incidentLabels } from '../incidents/labels.ts';
import { SeverityBadge } from '../incidents/SeverityBadge.tsx';
import type { ReviewedIncidentsRead } from './use-reviewed-incidents.ts';

/**
 * Every incident a postmortem reviews (one, or several for a thematic review), as read by
 * `useReviewedIncidents` for the whole page; `count` titles the section while they load.
 */
export function ReviewedIncidents({
  incidents,
  count,
}: {
  incidents: ReviewedIncidentsRead;
  count: number;
}) {
  return (
    <section aria-labelledby="reviewed-incidents-heading">
      <h2 id="reviewed-incidents-heading">Reviews {plural(count, 'incident')}</h2>
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

import type { PostmortemSummary } from '../../api/postmortems-api.ts';
import { formatInstant } from '../../lib/datetime.ts';
import { plural } from '../../lib/plural.ts';
import { Link } from '../../routing/Link.tsx';
import { SeverityBadge } from '../incidents/SeverityBadge.tsx';
import { postmortemLabels } from '../postmortems/labels.ts';

/** Postmortems as a table: number, title, phase, severity, incidents, last change. */
export function PostmortemTable({ postmortems }: { postmortems: PostmortemSummary[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Postmortems</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Title</th>
            <th scope="col">Phase</th>
            <th scope="col">Severity</th>
            <th scope="col">Incidents</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {postmortems.map((postmortem) => (
            <tr key={postmortem.id}>
              <td>PM-{postmortem.number}</td>
              <td className="wrap-cell">
                <Link to={`/postmortems/${postmortem.id}`}>{postmortem.title}</Link>
                {postmortem.scope === 'thematic' && <span className="tag">Thematic</span>}
                {postmortem.restricted && <span className="tag">Restricted</span>}
              </td>
              <td>{postmortemLabels.phase[postmortem.phase]}</td>
              <td>
                <SeverityBadge severity={postmortem.severity} />
              </td>
              <td>{plural(postmortem.incidentIds.length, 'incident')}</td>
              <td>{formatInstant(postmortem.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useCallback } from 'react';
import type { Incident } from '../../api/incidents-api.ts';
import { postmortemsApi } from '../../api/postmortems-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../routing/Link.tsx';
import { postmortemLabels } from '../postmortems/labels.ts';
import { OpenPostmortemForm } from './OpenPostmortemForm.tsx';

/** The postmortems reviewing an incident, and a way to open one when there is none. */
export function IncidentPostmortems({
  incident,
  canOpen,
}: {
  incident: Incident;
  canOpen: boolean;
}) {
  const load = useCallback(() => postmortemsApi.list({ incidentId: incident.id }), [incident.id]);
  const postmortems = useResource(load);

  if (!postmortems.data) {
    return <LoadState problem={postmortems.problem} onRetry={postmortems.reload} />;
  }
  const rows = postmortems.data.data;
  return (
    <>
      {rows.length === 0 ? (
        <p className="empty">No postmortem reviews this incident yet.</p>
      ) : (
        <ul className="link-list">
          {rows.map(({ data: postmortem }) => (
            <li key={postmortem.id}>
              <Link to={`/postmortems/${postmortem.id}`}>
                PM-{postmortem.number}: {postmortem.title}
              </Link>{' '}
              <span className="tag">{postmortemLabels.phase[postmortem.phase]}</span>
            </li>
          ))}
        </ul>
      )}
      {rows.length === 0 && canOpen && <OpenPostmortemForm incident={incident} />}
    </>
  );
}

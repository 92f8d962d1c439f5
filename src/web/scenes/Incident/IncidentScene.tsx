import { useCallback } from 'react';
import { incidentsApi } from '../../api/incidents-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { IncidentDetails } from '../../features/incidents/IncidentDetails.tsx';
import { IncidentPostmortems } from '../../features/incidents/IncidentPostmortems.tsx';
import { KeyInstantsTable } from '../../features/incidents/KeyInstantsTable.tsx';
import { SimilarPostmortems } from '../../features/insights/SimilarPostmortems.tsx';
import { useSession } from '../../features/session/session-context.ts';
import { can } from '../../lib/abilities.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { Link } from '../../routing/Link.tsx';

/** `/incidents/:id`: one incident, its key instants and its postmortems. */
export function IncidentScene({ id }: { id: string }) {
  const { session } = useSession();
  const load = useCallback(() => incidentsApi.get(id), [id]);
  const incident = useResource(load);
  const resolve = useSubmit();
  useDocumentTitle(
    incident.data ? `#${incident.data.data.number} ${incident.data.data.title}` : 'Incident',
  );

  if (!incident.data) {
    return <LoadState problem={incident.problem} onRetry={incident.reload} />;
  }
  const { data, abilities } = incident.data;

  const markResolved = async () => {
    const updated = await resolve.run(() =>
      incidentsApi.update(data.id, data.version, {
        instants: {
          resolved_at: { at: new Date().toISOString(), source: 'manual', precision: 'exact' },
        },
      }),
    );
    if (updated) {
      incident.setData(updated);
    }
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/incidents">Incidents</Link>
      </p>
      <div className="page-heading">
        <h1>
          <span className="muted">#{data.number}</span> {data.title}
        </h1>
        {can(abilities, 'update') && (
          <Link to={`/incidents/${data.id}/edit`} className="button">
            Edit incident
          </Link>
        )}
      </div>
      <IncidentDetails incident={data} />

      <section aria-labelledby="instants-heading">
        <div className="section-heading">
          <h2 id="instants-heading">Key instants</h2>
          {can(abilities, 'update') && !data.instants.resolved_at && (
            <button type="button" onClick={markResolved} disabled={resolve.pending}>
              Mark resolved
            </button>
          )}
        </div>
        <KeyInstantsTable instants={data.instants} />
        <ProblemAlert problem={resolve.problem} onReload={incident.reload} />
      </section>

      <section aria-labelledby="postmortems-heading">
        <h2 id="postmortems-heading">Postmortems</h2>
        <IncidentPostmortems
          incident={data}
          canOpen={can(abilities, 'createPostmortem') || can(session.abilities, 'createPostmortem')}
        />
      </section>
      <SimilarPostmortems target={{ incidentId: data.id }} />
    </>
  );
}

import { useCallback } from 'react';
import { incidentsApi } from '../../api/incidents-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { EditIncidentForm } from '../../features/incidents/EditIncidentForm.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../routing/Link.tsx';
import { navigate } from '../../routing/location-store.ts';

/** `/incidents/:id/edit`: edits the incident, then goes back to it. */
export function EditIncidentScene({ id }: { id: string }) {
  const load = useCallback(() => incidentsApi.get(id), [id]);
  const incident = useResource(load);
  const number = incident.data?.data.number;
  useDocumentTitle(number === undefined ? 'Edit incident' : `Edit incident #${number}`);

  if (!incident.data) {
    return <LoadState problem={incident.problem} onRetry={incident.reload} />;
  }
  const { data } = incident.data;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/incidents">Incidents</Link> ›{' '}
        <Link to={`/incidents/${data.id}`}>#{data.number}</Link>
      </p>
      <h1>Edit incident #{data.number}</h1>
      <EditIncidentForm
        key={data.version}
        incident={data}
        onSaved={(saved) => navigate(`/incidents/${saved.id}`)}
        onReload={incident.reload}
      />
    </>
  );
}

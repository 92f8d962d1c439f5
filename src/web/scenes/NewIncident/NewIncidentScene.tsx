import { NewIncidentForm } from '../../features/incidents/NewIncidentForm.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Link } from '../../routing/Link.tsx';
import { navigate } from '../../routing/location-store.ts';

/** `/incidents/new`: records an incident, then opens it. */
export function NewIncidentScene() {
  useDocumentTitle('New incident');
  return (
    <>
      <p className="breadcrumb">
        <Link to="/incidents">Incidents</Link>
      </p>
      <h1>New incident</h1>
      <NewIncidentForm onCreated={(incident) => navigate(`/incidents/${incident.id}`)} />
    </>
  );
}

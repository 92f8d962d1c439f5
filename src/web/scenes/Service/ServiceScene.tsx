import { useCallback } from 'react';
import { incidentsApi } from '../../api/incidents-api.ts';
import { servicesApi } from '../../api/services-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { NotFoundNotice } from '../../components/NotFoundNotice.tsx';
import { IncidentTable } from '../../features/incidents/IncidentTable.tsx';
import { ServiceLinks } from '../../features/services/ServiceLinks.tsx';
import { plural } from '../../lib/plural.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Link } from '../../routing/Link.tsx';

/** `/services/:name`: one service, what it depends on, what depends on it, its incidents. */
export function ServiceScene({ name }: { name: string }) {
  useDocumentTitle(name);
  const catalogue = useResource(servicesApi.list);
  const loadIncidents = useCallback(() => incidentsApi.list({ service: name }), [name]);
  const incidents = useResource(loadIncidents);

  if (!catalogue.data || !incidents.data) {
    return (
      <LoadState
        problem={catalogue.problem ?? incidents.problem}
        onRetry={() => void Promise.all([catalogue.reload(), incidents.reload()])}
      />
    );
  }
  const services = catalogue.data.data.map((row) => row.data);
  const service = services.find((candidate) => candidate.name === name);
  const touched = incidents.data.data.map((row) => row.data);
  if (!service && touched.length === 0) {
    return <NotFoundNotice />;
  }
  const dependents = services.filter((other) => other.dependsOn.includes(name));
  const total = incidents.data.page.total;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/services">Services</Link>
      </p>
      <h1>{name}</h1>
      {service ? (
        <p>{service.description || <span className="muted">No description.</span>}</p>
      ) : (
        <p className="muted">Named by incidents but not in the catalogue yet.</p>
      )}
      <dl className="details">
        <dt>Depends on</dt>
        <dd>
          <ServiceLinks names={service?.dependsOn ?? []} />
        </dd>
        <dt>Depended on by</dt>
        <dd>
          <ServiceLinks names={dependents.map((other) => other.name)} />
        </dd>
      </dl>
      <section aria-labelledby="service-incidents-heading">
        <h2 id="service-incidents-heading">Incidents that touched it</h2>
        {touched.length === 0 ? (
          <p className="empty">No incident has named this service.</p>
        ) : (
          <>
            <p className="muted">
              {total > touched.length
                ? `The latest ${touched.length} of ${plural(total, 'incident')}.`
                : plural(total, 'incident')}{' '}
              <Link to={`/incidents?service=${encodeURIComponent(name)}`}>
                See them in the incident list
              </Link>
            </p>
            <IncidentTable incidents={touched} />
          </>
        )}
      </section>
    </>
  );
}

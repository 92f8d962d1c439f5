import { servicesApi } from '../../api/services-api.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { ImportServicesForm } from '../../features/services/ImportServicesForm.tsx';
import { ServiceForm } from '../../features/services/ServiceForm.tsx';
import { ServiceTable } from '../../features/services/ServiceTable.tsx';
import { can } from '../../lib/abilities.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';

/**
 * `/services`: the service catalogue whose `depends on` edges let Debrief spot a fix that
 * relies on what failed (circular remediation).
 */
export function ServicesScene() {
  useDocumentTitle('Services');
  const services = useResource(servicesApi.list);

  if (!services.data) {
    return <LoadState problem={services.problem} onRetry={services.reload} />;
  }
  const { data: rows, abilities } = services.data;
  const names = rows.map((row) => row.data.name);

  return (
    <>
      <div className="page-heading">
        <h1>Services</h1>
      </div>
      <p className="muted">
        What depends on what. An action item that relies on a service that failed, directly or
        through these dependencies, is flagged as a circular remediation.
      </p>
      <ServiceTable rows={rows} onChanged={services.reload} />
      {can(abilities, 'create') && (
        <section className="card" aria-labelledby="add-service-heading">
          <h2 id="add-service-heading">Add a service</h2>
          <ServiceForm
            names={names}
            submitLabel="Add service"
            onSubmit={async (values) => {
              await servicesApi.put(values.name, {
                description: values.description,
                dependsOn: values.dependsOn,
              });
              await services.reload();
            }}
          />
        </section>
      )}
      {can(abilities, 'import') && (
        <section className="card" aria-labelledby="import-services-heading">
          <h2 id="import-services-heading">Import a catalogue</h2>
          <ImportServicesForm onImported={() => void services.reload()} />
        </section>
      )}
    </>
  );
}

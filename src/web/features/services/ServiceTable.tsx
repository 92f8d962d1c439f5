import { useState } from 'react';
import { type Service, servicesApi } from '../../api/services-api.ts';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { type Abilities, can } from '../../lib/abilities.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { Link } from '../../routing/Link.tsx';
import { ServiceForm } from './ServiceForm.tsx';

interface ServiceTableProps {
  rows: Array<{ data: Service; abilities: Abilities }>;
  onChanged: () => Promise<void>;
}

/** The catalogue as a table: each service, what it depends on, edit and remove. */
export function ServiceTable({ rows, onChanged }: ServiceTableProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const removal = useSubmit();
  const names = rows.map((row) => row.data.name);

  if (rows.length === 0) {
    return <p className="muted">No services yet: add one or import a catalogue.</p>;
  }
  return (
    <>
      <ProblemAlert problem={removal.problem} onReload={() => void onChanged()} />
      <table className="data-table" data-testid="service-table">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Description</th>
            <th scope="col">Depends on</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ data: service, abilities }) =>
            editing === service.name ? (
              <tr key={service.name}>
                <td colSpan={4}>
                  <ServiceForm
                    initial={service}
                    names={names}
                    submitLabel={`Save ${service.name}`}
                    onCancel={() => setEditing(null)}
                    onReload={() => void onChanged()}
                    onSubmit={async (values) => {
                      await servicesApi.put(
                        service.name,
                        { description: values.description, dependsOn: values.dependsOn },
                        service.version,
                      );
                      setEditing(null);
                      await onChanged();
                    }}
                  />
                </td>
              </tr>
            ) : (
              <tr key={service.name}>
                <th scope="row">
                  <Link to={`/services/${encodeURIComponent(service.name)}`}>{service.name}</Link>
                </th>
                <td>{service.description}</td>
                <td>{service.dependsOn.join(', ') || <span className="muted">—</span>}</td>
                <td className="row-actions">
                  {can(abilities, 'update') && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setEditing(service.name)}
                    >
                      Edit
                    </button>
                  )}
                  {can(abilities, 'remove') && (
                    <button
                      type="button"
                      className="secondary"
                      disabled={removal.pending}
                      onClick={async () => {
                        const done = await removal.run(() =>
                          servicesApi.remove(service.name, service.version),
                        );
                        if (done) {
                          await onChanged();
                        }
                      }}
                    >
                      Remove
                    </button>
                  )}
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </>
  );
}

import { keyInstantNames } from '../../../domain/incident.ts';
import type { Incident } from '../../api/incidents-api.ts';
import { formatInstant } from '../../lib/datetime.ts';
import { postmortemLabels } from '../postmortems/labels.ts';
import { incidentLabels, labelOf } from './labels.ts';

/** The key instants with where each came from and how sure it is. */
export function KeyInstantsTable({ instants }: { instants: Incident['instants'] }) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <table className="data-table">
      <caption className="visually-hidden">Key instants</caption>
      <thead>
        <tr>
          <th scope="col">Instant</th>
          <th scope="col">Time ({zone})</th>
          <th scope="col">Source</th>
          <th scope="col">Precision</th>
        </tr>
      </thead>
      <tbody>
        {keyInstantNames.map((name) => {
          const instant = instants[name];
          return (
            <tr key={name}>
              <th scope="row">{incidentLabels.instant[name]}</th>
              <td>
                {instant ? (
                  <time dateTime={instant.at} title={instant.at}>
                    {formatInstant(instant.at)}
                  </time>
                ) : (
                  <span className="muted">Not recorded</span>
                )}
              </td>
              <td>{instant ? labelOf(postmortemLabels.timelineSource, instant.source) : '—'}</td>
              <td>{instant ? labelOf(incidentLabels.precision, instant.precision) : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

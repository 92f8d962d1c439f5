import { severities } from '../../../domain/incident.ts';
import { incidentLabels } from '../incidents/labels.ts';

interface PerSeverityTableProps {
  caption: string;
  columns: ReadonlyArray<readonly [string, string]>;
  values: Record<string, Record<string, number | undefined> | number>;
  unit: string;
}

/** A per-severity setting as a table: one row per severity, one column per sub-setting. */
export function PerSeverityTable({ caption, columns, values, unit }: PerSeverityTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            {columns.map(([key, label]) => (
              <th scope="col" key={key}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {severities.map((severity) => {
            const row = values[severity];
            return (
              <tr key={severity}>
                <th scope="row">{incidentLabels.severity[severity]}</th>
                {columns.map(([key]) => {
                  const value = typeof row === 'number' ? row : row?.[key];
                  return <td key={key}>{value === undefined ? '—' : `${value} ${unit}`}</td>;
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

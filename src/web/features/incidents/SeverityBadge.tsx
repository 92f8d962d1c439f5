import type { Severity } from '../../../domain/incident.ts';
import { incidentLabels } from './labels.ts';

/** A severity as a compact, colour-coded badge whose full label is in its title. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <span className={`badge badge-${severity}`} title={incidentLabels.severity[severity]}>
      {incidentLabels.severityShort[severity]}
    </span>
  );
}

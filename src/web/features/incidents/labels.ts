import type {
  IncidentKind,
  IncidentStatus,
  InstantPrecision,
  KeyInstantName,
  Severity,
} from '../../../domain/incident.ts';

/** Display labels of the incident vocabularies; the domain keeps only the values. */
export const incidentLabels = {
  kind: {
    outage: 'Outage',
    degradation: 'Degradation',
    security: 'Security',
    near_miss: 'Near miss',
    project_failure: 'Project failure',
  } satisfies Record<IncidentKind, string>,
  severity: {
    sev1: 'SEV1 (critical)',
    sev2: 'SEV2 (major)',
    sev3: 'SEV3 (minor)',
    sev4: 'SEV4 (low)',
  } satisfies Record<Severity, string>,
  severityShort: {
    sev1: 'SEV1',
    sev2: 'SEV2',
    sev3: 'SEV3',
    sev4: 'SEV4',
  } satisfies Record<Severity, string>,
  status: {
    open: 'Open',
    mitigated: 'Mitigated',
    resolved: 'Resolved',
  } satisfies Record<IncidentStatus, string>,
  instant: {
    started_at: 'Started',
    detected_at: 'Detected',
    acknowledged_at: 'Acknowledged',
    mitigated_at: 'Mitigated',
    resolved_at: 'Resolved',
  } satisfies Record<KeyInstantName, string>,
  precision: {
    exact: 'Exact',
    estimated: 'Estimated',
  } satisfies Record<InstantPrecision, string>,
};

/** Looks up a label, falling back to the raw value for anything the UI does not know yet. */
export function labelOf(map: Record<string, string>, value: string): string {
  return map[value] ?? value;
}

import type { IncidentKind, Severity } from '../../../domain/incident.ts';
import type { CreateIncidentInput } from '../../api/incidents-api.ts';
import { localInputToIso } from '../../lib/datetime.ts';

/** The new-incident form as typed: times are `datetime-local` values in the browser's zone. */
export interface IncidentFormValues {
  title: string;
  summary: string;
  kind: IncidentKind;
  severity: Severity;
  potentialSeverity: Severity;
  services: string;
  startedAt: string;
  detectedAt: string;
  resolvedAt: string;
  isDrill: boolean;
  restricted: boolean;
}

/** Splits "api, billing ,, db" into `['api', 'billing', 'db']`. */
export function parseServices(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Builds the `POST /incidents` body: UTC instants, manual exact provenance. */
export function incidentFormToBody(values: IncidentFormValues): CreateIncidentInput {
  const instants: NonNullable<CreateIncidentInput['instants']> = {};
  const times = [
    ['started_at', values.startedAt],
    ['detected_at', values.detectedAt],
    ['resolved_at', values.resolvedAt],
  ] as const;
  for (const [name, value] of times) {
    const at = localInputToIso(value);
    if (at) {
      instants[name] = { at, source: 'manual', precision: 'exact' };
    }
  }
  return {
    title: values.title,
    summary: values.summary,
    kind: values.kind,
    severity: values.severity,
    potentialSeverity: values.kind === 'near_miss' ? values.potentialSeverity : null,
    services: parseServices(values.services),
    isDrill: values.isDrill,
    restricted: values.restricted,
    instants,
  };
}

import type { Severity } from '../../domain/incident.ts';
import { severities } from '../../domain/incident.ts';
import type { Policy } from '../../domain/policy.ts';
import type { ImportedEvent } from '../../importers/imported-event.ts';

function labelsOf(event: ImportedEvent): Record<string, string> {
  const labels = event.details.labels;
  if (typeof labels !== 'object' || labels === null) {
    return {};
  }
  return Object.fromEntries(
    Object.entries(labels).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/** What intake reads from a converted delivery to route it. */
export interface SignalFacts {
  dedupKeys: string[];
  services: string[];
  severity: Severity | null;
  /** The vendor's own severity text, for the answer when the alert is ignored. */
  vendorSeverity: string | null;
  title: string;
  hasDetection: boolean;
}

/** Dedup keys, services (`service`/`job` labels), mapped severity and title of some events. */
export function signalFacts(events: ImportedEvent[], intake: Policy['intake']): SignalFacts {
  const dedupKeys = new Set<string>();
  const services = new Set<string>();
  let severity: Severity | null = null;
  let vendorSeverity: string | null = null;
  for (const event of events) {
    if (typeof event.details.dedupKey === 'string') {
      dedupKeys.add(event.details.dedupKey);
    }
    const labels = labelsOf(event);
    const service = labels.service ?? labels.job;
    if (service) {
      services.add(service.slice(0, 100));
    }
    const raw = labels[intake.severityLabel];
    if (raw !== undefined) {
      vendorSeverity ??= raw;
      const mapped = intake.severityMap[raw] ?? intake.severityMap[raw.toLowerCase()];
      if (
        mapped &&
        (severity === null || severities.indexOf(mapped) < severities.indexOf(severity))
      ) {
        severity = mapped;
      }
    }
  }
  const first = events.find((event) => event.kind === 'detection') ?? events[0];
  const title =
    typeof first?.details.title === 'string' ? first.details.title : (first?.text ?? 'Alert');
  return {
    dedupKeys: [...dedupKeys],
    services: [...services],
    severity,
    vendorSeverity,
    title: title.slice(0, 200),
    hasDetection: events.some((event) => event.kind === 'detection'),
  };
}

/** Whether a severity is at or above the policy's threshold for opening an incident. */
export function opensIncident(severity: Severity | null, intake: Policy['intake']): boolean {
  const threshold = intake.openIncidentAtOrAbove;
  return (
    severity !== null &&
    threshold !== null &&
    severities.indexOf(severity) <= severities.indexOf(threshold)
  );
}

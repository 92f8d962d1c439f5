/** Kinds of incident. `near_miss` had no impact but could have; it carries a potential severity. */
export const incidentKinds = [
  'outage',
  'degradation',
  'security',
  'near_miss',
  'project_failure',
] as const;
export type IncidentKind = (typeof incidentKinds)[number];

/** Severities, most severe first. */
export const severities = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
export type Severity = (typeof severities)[number];

/** Where an incident stands operationally (not the review: that is the postmortem's phase). */
export const incidentStatuses = ['open', 'mitigated', 'resolved'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/** The instants that define an incident's durations (time to detect, to mitigate, …). */
export const keyInstantNames = [
  'started_at',
  'detected_at',
  'acknowledged_at',
  'mitigated_at',
  'resolved_at',
] as const;
export type KeyInstantName = (typeof keyInstantNames)[number];

/** How sure we are of an instant: read from a system (`exact`) or reconstructed (`estimated`). */
export const instantPrecisions = ['exact', 'estimated'] as const;
export type InstantPrecision = (typeof instantPrecisions)[number];

/** One key instant with the source that said so. */
export interface KeyInstant {
  at: Date;
  /** Who or what said so: `manual`, `pagerduty`, `alertmanager`, … */
  source: string;
  precision: InstantPrecision;
}

export type KeyInstants = Partial<Record<KeyInstantName, KeyInstant>>;

/** What happened. */
export interface Incident {
  id: string;
  number: number;
  title: string;
  summary: string;
  kind: IncidentKind;
  severity: Severity;
  /** For a near miss: how bad it would have been. */
  potentialSeverity: Severity | null;
  /** Drills are real reviews but stay out of recovery metrics. */
  isDrill: boolean;
  status: IncidentStatus;
  services: string[];
  restricted: boolean;
  instants: KeyInstants;
  memberIds: string[];
  createdById: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Security incidents are restricted unless the writer says otherwise. */
export function isRestrictedByDefault(kind: IncidentKind): boolean {
  return kind === 'security';
}

/**
 * The status implied by the key instants: resolved once `resolved_at` is known, mitigated
 * once `mitigated_at` is, open otherwise.
 */
export function statusFromInstants(instants: KeyInstants): IncidentStatus {
  if (instants.resolved_at) {
    return 'resolved';
  }
  if (instants.mitigated_at) {
    return 'mitigated';
  }
  return 'open';
}

/** Order rules between key instants, as `[earlier, later]` pairs. */
const instantOrder: ReadonlyArray<readonly [KeyInstantName, KeyInstantName]> = [
  ['started_at', 'detected_at'],
  ['detected_at', 'acknowledged_at'],
  ['started_at', 'acknowledged_at'],
  ['started_at', 'mitigated_at'],
  ['mitigated_at', 'resolved_at'],
  ['started_at', 'resolved_at'],
  ['detected_at', 'resolved_at'],
];

/** Every pair of key instants that is out of order (e.g. resolved before started). */
export function findInstantOrderViolations(
  instants: KeyInstants,
): Array<{ earlier: KeyInstantName; later: KeyInstantName }> {
  const violations: Array<{ earlier: KeyInstantName; later: KeyInstantName }> = [];
  for (const [earlier, later] of instantOrder) {
    const a = instants[earlier];
    const b = instants[later];
    if (a && b && a.at.getTime() > b.at.getTime()) {
      violations.push({ earlier, later });
    }
  }
  return violations;
}

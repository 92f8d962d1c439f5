/** What a timeline event is about. */
export const timelineEventKinds = [
  'detection',
  'escalation',
  'communication',
  'action',
  'mitigation',
  'resolution',
  'observation',
] as const;
export type TimelineEventKind = (typeof timelineEventKinds)[number];

/** Where a timeline event came from. Only `manual` is written by hand. */
export const timelineSources = [
  'manual',
  'slack',
  'alertmanager',
  'pagerduty',
  'opsgenie',
  'grafana',
  'github',
  'statuspage',
  'log',
  'metric',
  'personal_account',
  'jira',
  'dispatch',
  /** A timeline table or heading list from an existing document (Markdown). */
  'document',
] as const;
export type TimelineSource = (typeof timelineSources)[number];

/** Review state: imported events are `proposed` until a person accepts or rejects them. */
export const timelineEventStatuses = ['proposed', 'accepted', 'rejected'] as const;
export type TimelineEventStatus = (typeof timelineEventStatuses)[number];

/** One thing that happened at one instant. */
export interface TimelineEvent {
  id: string;
  postmortemId: string;
  occurredAt: Date;
  text: string;
  kind: TimelineEventKind;
  source: TimelineSource;
  sourceRef: string | null;
  externalId: string;
  /** The timestamp exactly as the source wrote it, and the zone it was read in. */
  originalTimestamp: string | null;
  originalZone: string | null;
  actor: string | null;
  status: TimelineEventStatus;
  pinned: boolean;
  /** Source-specific facts: thread, edit, burst count/first/last/sample, metric series, … */
  details: Record<string, unknown>;
  /** Where in the raw input this came from: `file:line`, a JSON pointer, a webhook delivery. */
  rawRef: string | null;
  /** Ambiguities surfaced for a person to settle (date missing, zone only in prose, …). */
  ambiguities: Array<{ code: string; message: string }>;
  /** A near-duplicate from another source, linked rather than deleted. */
  duplicateOfId: string | null;
  /** The import that proposed it, if any. */
  importId: string | null;
  version: number;
  createdAt: Date;
}

/** Events that count as evidence: a person accepted them (manual entries are accepted at once). */
export function isCountedEvent(event: Pick<TimelineEvent, 'status'>): boolean {
  return event.status === 'accepted';
}

/** Stable order for a timeline: by instant, then by creation, then by id. */
export function compareTimelineEvents(
  a: Pick<TimelineEvent, 'occurredAt' | 'createdAt' | 'id'>,
  b: Pick<TimelineEvent, 'occurredAt' | 'createdAt' | 'id'>,
): number {
  return (
    a.occurredAt.getTime() - b.occurredAt.getTime() ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

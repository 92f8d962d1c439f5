import type { TimelineEventKind, TimelineSource } from '../../domain/timeline-event.ts';
import type { ImportedEvent } from '../../importers/imported-event.ts';
import type { IncidentSignalRecord } from '../../storage/repositories/incident-signals-repository.ts';

/**
 * A stored signal back as the event its converter produced (the signal keeps the event's
 * source ref, raw ref, zone and ambiguities inside its details), so that it enters a timeline
 * through `proposeTimelineEvents` like any import.
 */
export function signalAsImportedEvent(signal: IncidentSignalRecord): ImportedEvent & {
  source: TimelineSource;
} {
  const { sourceRef, rawRef, originalZone, ambiguities, ...details } = signal.details;
  return {
    source: signal.source as TimelineSource,
    externalId: signal.externalId,
    occurredAt: signal.occurredAt,
    originalTimestamp: signal.originalTimestamp ?? signal.occurredAt.toISOString(),
    originalZone: typeof originalZone === 'string' ? originalZone : null,
    text: signal.text,
    kind: signal.kind as TimelineEventKind,
    actor: signal.actor,
    sourceRef: typeof sourceRef === 'string' ? sourceRef : `${signal.source}:${signal.id}`,
    rawRef: typeof rawRef === 'string' ? rawRef : null,
    details,
    ambiguities: Array.isArray(ambiguities)
      ? (ambiguities as Array<{ code: string; message: string }>)
      : [],
  };
}

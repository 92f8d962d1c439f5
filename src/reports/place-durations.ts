import {
  findInstantOrderViolations,
  type KeyInstantName,
  type KeyInstants,
} from '../domain/incident.ts';
import type { DocumentDuration, DocumentInstant } from './document-import.ts';

/**
 * Turns a document's durations ("Time to detection: 54 minutes") into key instants counted
 * from the start. The start is the document's own when it gives one, else its earliest
 * timeline row; every instant made this way is `estimated`, from `document`. Durations that
 * have no start to count from, or that would put instants out of order, are returned unplaced.
 */
export function placeDurations(
  given: Partial<Record<KeyInstantName, DocumentInstant>>,
  durations: readonly DocumentDuration[],
  earliestEvent: Date | null,
): {
  instants: Partial<Record<KeyInstantName, DocumentInstant>>;
  unplaced: DocumentDuration[];
  startFromTimeline: boolean;
} {
  const instants = { ...given };
  const unplaced: DocumentDuration[] = [];
  const startFromTimeline = !instants.started_at && earliestEvent !== null && durations.length > 0;
  if (startFromTimeline && earliestEvent) {
    instants.started_at = { at: earliestEvent, source: 'document', precision: 'estimated' };
  }
  const start = instants.started_at;
  for (const duration of durations) {
    if (!start || instants[duration.instant]) {
      unplaced.push(duration);
      continue;
    }
    const candidate = {
      ...instants,
      [duration.instant]: {
        at: new Date(start.at.getTime() + duration.minutes * 60_000),
        source: 'document',
        precision: 'estimated' as const,
      },
    };
    if (findInstantOrderViolations(candidate as KeyInstants).length > 0) {
      unplaced.push(duration);
      continue;
    }
    Object.assign(instants, candidate);
  }
  if (startFromTimeline && Object.keys(instants).length === 1) {
    delete instants.started_at;
    return { instants, unplaced, startFromTimeline: false };
  }
  return { instants, unplaced, startFromTimeline };
}

import type { TimelineSource } from '../../domain/timeline-event.ts';
import type { ImportedEvent } from '../../importers/imported-event.ts';
import { incidentSignalsRepository } from '../../storage/repositories/incident-signals-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { proposeTimelineEvents } from '../timeline/propose-timeline-events.ts';
import { signalAsImportedEvent } from './signal-as-imported-event.ts';

/**
 * Copies the signals already received for some incidents into a postmortem's timeline as
 * proposed events, source by source through `proposeTimelineEvents` (idempotent by
 * `(source, external_id)`, near-duplicates linked); runs in the caller's transaction and is
 * audited with the caller's actor. Returns how many events were added.
 */
export async function proposeIncidentSignals(
  tx: AppDeps,
  postmortemId: string,
  incidentIds: string[],
  actorId: string | null,
): Promise<number> {
  const signals = await incidentSignalsRepository.listByIncidents(tx.db, incidentIds);
  const bySource = new Map<TimelineSource, ImportedEvent[]>();
  for (const signal of signals) {
    const { source, ...event } = signalAsImportedEvent(signal);
    bySource.set(source, [...(bySource.get(source) ?? []), event]);
  }
  let proposed = 0;
  for (const [source, events] of bySource) {
    const counts = await proposeTimelineEvents(tx, {
      postmortemId,
      source,
      events,
      actorId,
      inputName: `signals of ${source}`,
    });
    proposed += counts.proposed;
  }
  return proposed;
}

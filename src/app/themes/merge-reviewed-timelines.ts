import type { TimelineSource } from '../../domain/timeline-event.ts';
import type { Actor } from '../../domain/user.ts';
import type { ImportedEvent } from '../../importers/imported-event.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import { timelineQueriesRepository } from '../../storage/repositories/timeline-queries-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { proposeTimelineEvents } from '../timeline/propose-timeline-events.ts';

/**
 * A thematic postmortem starts with its incidents' timelines merged: the accepted events of
 * every earlier review of those incidents that the actor may see become proposed events of the
 * new one (a person still accepts them there), each with where it came from. Idempotent: an
 * event's external id is prefixed with the review it came from. Runs in the caller's transaction.
 */
export async function mergeReviewedTimelines(
  tx: AppDeps,
  actor: Actor,
  postmortemId: string,
  incidentIds: string[],
): Promise<number> {
  const byIncident = await postmortemsRepository.listVisibleIdsByIncident(
    tx.db,
    actor,
    incidentIds,
  );
  const earlier = [...new Set([...byIncident.values()].flat())].filter((id) => id !== postmortemId);
  const bySource = new Map<TimelineSource, ImportedEvent[]>();
  for (const reviewId of earlier) {
    for (const event of await timelineQueriesRepository.listAccepted(tx.db, reviewId)) {
      const merged: ImportedEvent = {
        externalId: `${reviewId}:${event.externalId}`,
        occurredAt: event.occurredAt,
        originalTimestamp: event.originalTimestamp ?? event.occurredAt.toISOString(),
        originalZone: event.originalZone,
        text: event.text,
        kind: event.kind,
        actor: event.actor,
        sourceRef: event.sourceRef ?? `postmortem ${reviewId}`,
        rawRef: event.rawRef,
        details: { ...event.details, mergedFrom: { postmortemId: reviewId, eventId: event.id } },
        ambiguities: event.ambiguities,
      };
      bySource.set(event.source, [...(bySource.get(event.source) ?? []), merged]);
    }
  }
  let proposed = 0;
  for (const [source, events] of bySource) {
    const counts = await proposeTimelineEvents(tx, {
      postmortemId,
      source,
      events,
      actorId: actor.id,
      inputName: 'merged timelines',
      audit: { action: 'timeline.merged', data: { fromPostmortemIds: earlier } },
    });
    proposed += counts.proposed;
  }
  return proposed;
}

import type { TimelineEvent, TimelineSource } from '../../../domain/timeline-event.ts';
import { type ClockSkew, skewedInstant } from '../../../domain/timeline-rules.ts';
import type { Actor } from '../../../domain/user.ts';
import type { SourceClockSkew } from '../../../storage/repositories/clock-skews-repository.ts';
import { presentPart } from '../../presenters/present-parts.ts';

/** The clock skews shown beside a timeline: what each source's offset is and why. */
export function presentTimelineSkews(skews: readonly SourceClockSkew[]) {
  return skews.map(({ source, offsetMs, reason }) => ({
    source: source as TimelineSource,
    offsetMs,
    reason,
  }));
}

/** The abilities every event of a timeline carries, from the postmortem's `update`. */
export function timelineItemAbilities(update: boolean) {
  return { update, remove: update, review: update };
}

/**
 * A timeline event with the viewer's abilities and, when its source has a clock skew, the
 * corrected instant beside the stored one (`skewedOccurredAt`); the stored instant never moves.
 */
export function presentTimelineItem(
  event: TimelineEvent,
  update: boolean,
  viewer: Actor,
  skews: readonly ClockSkew[],
) {
  const presented = presentPart(event, update, viewer);
  const skewed = skewedInstant(event, skews);
  return {
    data: { ...presented.data, ...(skewed ? { skewedOccurredAt: skewed.toISOString() } : {}) },
    abilities: { ...presented.abilities, ...timelineItemAbilities(update) },
  };
}

import { positionOf, type TimeWindow } from './time-axis.ts';

/** One marker drawn on a lane: an event and how many in-window events share its spot. */
export interface LaneMarker<E> {
  event: E;
  /** Fraction of the lane's width, 0 to 1. */
  at: number;
  count: number;
}

/**
 * The markers of one lane inside `window`, at most one per `slots`th of the lane's width: a
 * lane of thousands of events draws a few hundred markers that look the same. A slot shows
 * its first event, or `preferredId` when that event is in it.
 */
export function laneMarkers<E extends { id: string; occurredAt: string }>(
  events: readonly E[],
  window: TimeWindow,
  slots: number,
  preferredId: string | null = null,
): LaneMarker<E>[] {
  const bySlot = new Map<number, LaneMarker<E>>();
  for (const event of events) {
    const at = positionOf(window, Date.parse(event.occurredAt));
    if (!(at >= 0 && at <= 1)) {
      continue;
    }
    const slot = Math.min(Math.floor(at * slots), slots - 1);
    const taken = bySlot.get(slot);
    if (!taken) {
      bySlot.set(slot, { event, at, count: 1 });
    } else {
      taken.count += 1;
      if (event.id === preferredId) {
        taken.event = event;
        taken.at = at;
      }
    }
  }
  return [...bySlot.values()];
}

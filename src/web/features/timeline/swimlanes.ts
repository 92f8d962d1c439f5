import type { TimelineSource } from '../../../domain/timeline-event.ts';

/** What a lane needs to know of an event. */
export interface LaneEvent {
  id: string;
  source: TimelineSource;
  occurredAt: string;
}

/** One row of the swimlane view: a source and its events in time order. */
export interface Lane<E extends LaneEvent> {
  source: TimelineSource;
  events: E[];
}

/** Lanes in a fixed order: people first, then alerts and pages, then chat, deploys, machines. */
const laneOrder: readonly TimelineSource[] = [
  'manual',
  'personal_account',
  'alertmanager',
  'grafana',
  'pagerduty',
  'opsgenie',
  'slack',
  'statuspage',
  'github',
  'log',
  'metric',
  'jira',
  'dispatch',
  'document',
];

/**
 * Groups events into one lane per source present, in a stable lane order, each lane sorted
 * by instant (ties keep their input order).
 */
export function groupIntoLanes<E extends LaneEvent>(events: readonly E[]): Lane<E>[] {
  const bySource = new Map<TimelineSource, E[]>();
  for (const event of events) {
    const lane = bySource.get(event.source) ?? [];
    lane.push(event);
    bySource.set(event.source, lane);
  }
  const rank = (source: TimelineSource) => {
    const index = laneOrder.indexOf(source);
    return index === -1 ? laneOrder.length : index;
  };
  return [...bySource.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([source, laneEvents]) => ({ source, events: inTimeOrder(laneEvents) }));
}

/** The events by instant, ties in input order; the same array when already in order. */
function inTimeOrder<E extends LaneEvent>(events: E[]): E[] {
  // The timeline arrives in time order: a check over the lane spares a sort of every event
  // each time a page comes in.
  let previous = Number.NEGATIVE_INFINITY;
  let ordered = true;
  for (const event of events) {
    const at = Date.parse(event.occurredAt);
    if (at < previous) {
      ordered = false;
      break;
    }
    previous = at;
  }
  if (ordered) {
    return events;
  }
  return events
    .map((event, index) => ({ event, index, at: Date.parse(event.occurredAt) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ event }) => event);
}

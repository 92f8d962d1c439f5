import { describe, expect, it } from 'vitest';
import { groupIntoLanes } from './swimlanes.ts';

describe('groupIntoLanes', () => {
  it('makes one lane per present source, in lane order, each sorted by instant stably', () => {
    const lanes = groupIntoLanes([
      { id: 's1', source: 'slack', occurredAt: '2026-11-16T10:05:00Z' },
      { id: 'p1', source: 'pagerduty', occurredAt: '2026-11-16T10:03:00Z' },
      { id: 's2', source: 'slack', occurredAt: '2026-11-16T10:01:00Z' },
      { id: 's3', source: 'slack', occurredAt: '2026-11-16T10:05:00.000Z' },
      { id: 'm1', source: 'manual', occurredAt: '2026-11-16T11:00:00Z' },
    ]);
    expect(lanes.map((lane) => lane.source)).toEqual(['manual', 'pagerduty', 'slack']);
    expect(lanes[2]?.events.map((event) => event.id)).toEqual(['s2', 's1', 's3']);
  });

  it('has no lanes for no events', () => {
    expect(groupIntoLanes([])).toEqual([]);
  });
});

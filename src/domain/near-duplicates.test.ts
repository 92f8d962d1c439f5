import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NearDuplicateCandidates } from './near-duplicate-candidates.ts';
import { compareTimelineEvents, type TimelineEvent } from './timeline-event.ts';
import {
  findNearDuplicateLinks,
  isNearDuplicate,
  nearDuplicateComparisonsMax,
  nearDuplicateWindowMs,
} from './timeline-rules.ts';

type Linkable = Pick<
  TimelineEvent,
  'id' | 'occurredAt' | 'createdAt' | 'source' | 'kind' | 'text' | 'duplicateOfId'
>;

const start = Date.parse('2026-11-16T10:00:00Z');
const texts = ['HighErrorRate checkout-api', 'DiskFull db-1', 'rolled back deploy', 'lunch'];

/** Small timelines: a few sources and kinds, instants within minutes, look-alike texts. */
const timelines = fc
  .array(
    fc.record({
      second: fc.integer({ min: 0, max: 600 }),
      source: fc.constantFrom('slack', 'pagerduty', 'alertmanager'),
      kind: fc.constantFrom('detection', 'action'),
      text: fc.constantFrom(...texts),
      linked: fc.boolean(),
    }),
    { maxLength: 60 },
  )
  .map((rows) =>
    rows.map(
      (row, i): Linkable => ({
        id: `e${String(i).padStart(3, '0')}`,
        occurredAt: new Date(start + row.second * 1000),
        createdAt: new Date(start),
        source: row.source as TimelineEvent['source'],
        kind: row.kind as TimelineEvent['kind'],
        text: row.text,
        duplicateOfId: row.linked && i > 0 ? 'e000' : null,
      }),
    ),
  );

/** The definition, pair by pair over the whole timeline: what the fast version must equal. */
function linksByDefinition(events: readonly Linkable[]) {
  const ordered = [...events].sort(compareTimelineEvents);
  const rootOf = new Map<string, string>();
  for (const e of ordered) {
    if (e.duplicateOfId) {
      rootOf.set(e.id, e.duplicateOfId);
    }
  }
  const links: Array<{ id: string; duplicateOfId: string }> = [];
  ordered.forEach((event, i) => {
    if (rootOf.has(event.id)) {
      return;
    }
    const earlier = ordered.slice(0, i).find((other) => isNearDuplicate(other, event));
    if (earlier) {
      const root = rootOf.get(earlier.id) ?? earlier.id;
      rootOf.set(event.id, root);
      links.push({ id: event.id, duplicateOfId: root });
    }
  });
  return links;
}

describe('findNearDuplicateLinks', () => {
  it('links exactly as comparing every pair would', () => {
    fc.assert(
      fc.property(timelines, (events) => {
        expect(findNearDuplicateLinks(events)).toEqual(linksByDefinition(events));
      }),
      { numRuns: 300 },
    );
  });

  it('compares a bounded number of earlier events, however dense the window', () => {
    const chatter = Array.from({ length: 5_000 }, (_, i) => ({
      id: `chat${i}`,
      occurredAt: new Date(start + i * 10),
      createdAt: new Date(start),
      source: 'slack' as const,
      kind: 'detection' as const,
      text: `message number ${i} about lunch`,
      duplicateOfId: null,
    }));
    const page = {
      ...chatter[0],
      id: 'page',
      source: 'pagerduty' as const,
      occurredAt: new Date(start + 40_000),
      text: 'HighErrorRate checkout-api',
    } as Linkable;
    const lookAlike = (id: string, ms: number) =>
      ({ ...page, id, source: 'slack', occurredAt: new Date(start + ms) }) as Linkable;
    // Among the first compared of the window: linked.
    expect(findNearDuplicateLinks([...chatter, page, lookAlike('early', 500)])).toEqual([
      { id: 'page', duplicateOfId: 'early' },
    ]);
    // Behind thousands of earlier messages of its source: past the bound, not compared.
    expect(nearDuplicateComparisonsMax).toBeLessThan(3_900);
    expect(findNearDuplicateLinks([...chatter, page, lookAlike('late', 39_000)])).toEqual([]);
  });
});

describe('NearDuplicateCandidates', () => {
  it('finds exactly the events with another source of the same kind within the window', () => {
    fc.assert(
      fc.property(timelines, (events) => {
        const sweep = new NearDuplicateCandidates();
        const found: string[] = [];
        for (const event of [...events].sort(compareTimelineEvents)) {
          sweep.add(event);
          found.push(...sweep.take());
        }
        const expected = events.filter((e) =>
          events.some(
            (o) =>
              o.source !== e.source &&
              o.kind === e.kind &&
              Math.abs(o.occurredAt.getTime() - e.occurredAt.getTime()) <= nearDuplicateWindowMs,
          ),
        );
        expect(found.sort()).toEqual(expected.map((e) => e.id).sort());
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from './timeline-event.ts';
import {
  findNearDuplicateLinks,
  mergeTimelines,
  skewedInstant,
  textSimilarity,
} from './timeline-rules.ts';

const event = (id: string, at: string, overrides: Partial<TimelineEvent> = {}) => ({
  id,
  occurredAt: new Date(at),
  createdAt: new Date('2026-01-01T00:00:00Z'),
  source: 'slack' as TimelineEvent['source'],
  kind: 'detection' as TimelineEvent['kind'],
  text: 'x',
  status: 'accepted' as TimelineEvent['status'],
  duplicateOfId: null as string | null,
  ...overrides,
});

describe('mergeTimelines', () => {
  it('sorts across sources by instant, then creation, then id, stably', () => {
    const a = [event('b', '2026-01-01T10:00:00Z'), event('d', '2026-01-01T12:00:00Z')];
    const b = [event('a', '2026-01-01T10:00:00Z'), event('c', '2026-01-01T11:00:00Z')];
    expect(mergeTimelines(a, b).map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(a.map((e) => e.id)).toEqual(['b', 'd']);
  });
});

describe('findNearDuplicateLinks', () => {
  it('links the chat bot post to the page of the same alert, later onto earlier', () => {
    const page = event('page', '2026-01-01T10:00:00Z', {
      source: 'pagerduty',
      text: 'Triggered: HighErrorRate checkout-api',
    });
    const bot = event('bot', '2026-01-01T10:01:30Z', {
      source: 'slack',
      text: '[FIRING:1] HighErrorRate (checkout-api critical)',
    });
    const third = event('am', '2026-01-01T10:00:40Z', {
      source: 'alertmanager',
      text: 'HighErrorRate firing for checkout-api',
    });
    expect(findNearDuplicateLinks([bot, page, third])).toEqual([
      { id: 'am', duplicateOfId: 'page' },
      { id: 'bot', duplicateOfId: 'page' },
    ]);
  });

  it('keeps apart: same source, other kind, far in time, unrelated text, already linked', () => {
    const base = event('p', '2026-01-01T10:00:00Z', { source: 'pagerduty', text: 'DiskFull db-1' });
    expect(
      findNearDuplicateLinks([
        base,
        event('s1', '2026-01-01T10:00:10Z', { source: 'pagerduty', text: 'DiskFull db-1' }),
        event('s2', '2026-01-01T10:00:10Z', { kind: 'action', text: 'DiskFull db-1' }),
        event('s3', '2026-01-01T10:03:00Z', { text: 'DiskFull db-1' }),
        event('s4', '2026-01-01T10:00:20Z', { text: 'lunch order' }),
        event('s5', '2026-01-01T10:00:30Z', { text: 'DiskFull db-1', duplicateOfId: 'p' }),
      ]),
    ).toEqual([]);
  });

  it('measures text similarity on significant words', () => {
    expect(textSimilarity('The disk is full', 'disk full')).toBe(1);
    expect(textSimilarity('', 'disk')).toBe(0);
  });
});

describe('skewedInstant', () => {
  it('shows the corrected instant beside the stored one, only for the skewed source', () => {
    const skews = [{ source: 'slack', offsetMs: -90_000, reason: 'laptop clock' }];
    const shown = skewedInstant(event('a', '2026-01-01T10:00:00Z'), skews);
    expect(shown?.toISOString()).toBe('2026-01-01T09:58:30.000Z');
    expect(skewedInstant(event('b', '2026-01-01T10:00:00Z', { source: 'log' }), skews)).toBeNull();
  });
});

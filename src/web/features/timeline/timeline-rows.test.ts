import { describe, expect, it } from 'vitest';
import { noFilters, type ReviewEvent } from '../../api/timeline-api.ts';
import { applySavedEvent, keepUnchangedRows, type TimelineRow } from './timeline-rows.ts';

const event = (id: string, minute: number, extra: Partial<ReviewEvent> = {}): ReviewEvent => ({
  id,
  postmortemId: 'pm',
  occurredAt: new Date(Date.UTC(2026, 10, 16, 14, minute)).toISOString(),
  text: `event ${id}`,
  kind: 'observation',
  source: 'manual',
  sourceRef: null,
  externalId: id,
  originalTimestamp: null,
  originalZone: null,
  actor: null,
  status: 'proposed',
  pinned: false,
  details: {},
  rawRef: null,
  ambiguities: [],
  duplicateOfId: null,
  importId: null,
  version: 1,
  createdAt: '2026-11-16T15:00:00.000Z',
  ...extra,
});
const row = (data: ReviewEvent): TimelineRow => ({ data, abilities: { update: true } });
const ids = (rows: readonly TimelineRow[]) => rows.map((r) => r.data.id);

describe('keepUnchangedRows', () => {
  it('keeps the objects of unchanged rows and takes the changed ones', () => {
    const previous = [row(event('a', 1)), row(event('b', 2)), row(event('c', 3))];
    const next = [
      row(event('a', 1)),
      row(event('b', 2, { status: 'accepted', version: 2 })),
      row(event('c', 3)),
      row(event('d', 4)),
    ];
    const kept = keepUnchangedRows(previous, next);
    expect(kept[0]).toBe(previous[0]);
    expect(kept[1]).toBe(next[1]);
    expect(kept[2]).toBe(previous[2]);
    expect(kept[3]).toBe(next[3]);
  });

  it('takes a row whose abilities or skew changed without a new version', () => {
    const previous = [row(event('a', 1))];
    const skewed = row(event('a', 1, { skewedOccurredAt: '2026-11-16T14:02:00.000Z' }));
    expect(keepUnchangedRows(previous, [skewed])[0]).toBe(skewed);
    const readOnly = { data: event('a', 1), abilities: { update: false } };
    expect(keepUnchangedRows(previous, [readOnly])[0]).toBe(readOnly);
  });
});

describe('applySavedEvent', () => {
  const rows = [row(event('a', 1)), row(event('b', 2)), row(event('c', 3))];

  it('replaces the saved row in place and keeps every other row object', () => {
    const after = applySavedEvent(rows, event('b', 2, { status: 'accepted' }), [], noFilters);
    expect(ids(after)).toEqual(['a', 'b', 'c']);
    expect(after[0]).toBe(rows[0]);
    expect(after[2]).toBe(rows[2]);
    expect(after[1]?.data.status).toBe('accepted');
    expect(after[1]?.abilities).toBe(rows[1]?.abilities);
  });

  it('moves a row whose instant changed to its place in time', () => {
    expect(ids(applySavedEvent(rows, event('a', 5), [], noFilters))).toEqual(['b', 'c', 'a']);
    expect(ids(applySavedEvent(rows, event('c', 0), [], noFilters))).toEqual(['c', 'a', 'b']);
  });

  it('drops a row the filters no longer keep', () => {
    const proposedOnly = { ...noFilters, statuses: ['proposed' as const] };
    const after = applySavedEvent(rows, event('b', 2, { status: 'accepted' }), [], proposedOnly);
    expect(ids(after)).toEqual(['a', 'c']);
  });

  it('shows the clock skew of its source beside the stored instant', () => {
    const skews = [{ source: 'manual' as const, offsetMs: 60_000, reason: '' }];
    const after = applySavedEvent(rows, event('a', 1, { version: 2 }), skews, noFilters);
    expect(after[0]?.data.skewedOccurredAt).toBe('2026-11-16T14:02:00.000Z');
  });

  it('changes nothing for an event it does not hold', () => {
    expect(ids(applySavedEvent(rows, event('z', 1), [], noFilters))).toEqual(['a', 'b', 'c']);
  });
});

import { describe, expect, it } from 'vitest';
import { noFilters, type ReviewEvent } from '../../api/timeline-api.ts';
import {
  appendPage,
  applySavedEvent,
  idsToRead,
  keepUnchangedRows,
  mergeRead,
  type TimelineRow,
} from './timeline-rows.ts';

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

describe('appendPage', () => {
  it('puts the page after the rows, taking a row it repeats from the page', () => {
    const a = row(event('a', 1));
    const moved = row(event('b', 9, { version: 2 }));
    const rows = [a, moved];
    const page = [row(event('c', 5)), row(event('b', 9, { version: 2 }))];
    const next = appendPage(rows, page);
    expect(ids(next)).toEqual(['a', 'c', 'b']);
    expect(next[0]).toBe(a);
  });
});

describe('idsToRead and mergeRead', () => {
  const abilities = { update: true };
  const versions = (pairs: Array<[string, number]>) => ({
    data: { ids: pairs.map(([id]) => id), versions: pairs.map(([, v]) => v) },
    skews: [],
    abilities,
  });
  const held = [row(event('a', 1)), row(event('b', 2)), row(event('c', 3))];

  it('reads nothing and keeps the very rows when nothing changed', () => {
    const now = versions([
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ]);
    expect(idsToRead(held, [], now, 100)).toEqual([]);
    expect(mergeRead(held, now, [])).toBe(held);
  });

  it('reads an edited and an inserted event only, and places them where the server lists them', () => {
    const now = versions([
      ['a', 1],
      ['d', 1],
      ['c', 1],
      ['b', 2],
    ]);
    expect(idsToRead(held, [], now, 100)).toEqual(['d', 'b']);
    const read = [row(event('d', 2)), row(event('b', 4, { version: 2 }))];
    const merged = mergeRead(held, now, read) ?? [];
    expect(ids(merged)).toEqual(['a', 'd', 'c', 'b']);
    expect(merged[0]).toBe(held[0]);
    expect(merged[2]).toBe(held[2]);
    expect(merged[3]?.data.version).toBe(2);
  });

  it('drops a deleted event and reads again the rows that pointed at it', () => {
    const rows = [...held, row(event('e', 4, { duplicateOfId: 'b' }))];
    const now = versions([
      ['a', 1],
      ['c', 1],
      ['e', 1],
    ]);
    expect(idsToRead(rows, [], now, 100)).toEqual(['e']);
    const merged = mergeRead(rows, now, [row(event('e', 4))]) ?? [];
    expect(ids(merged)).toEqual(['a', 'c', 'e']);
    expect(merged[2]?.data.duplicateOfId).toBeNull();
  });

  it('reads everything when the skews, the abilities or too many rows changed', () => {
    const same: Array<[string, number]> = [
      ['a', 1],
      ['b', 1],
      ['c', 1],
    ];
    const skewed = {
      ...versions(same),
      skews: [{ source: 'manual' as const, offsetMs: 1000, reason: '' }],
    };
    expect(idsToRead(held, [], skewed, 100)).toBeNull();
    expect(
      idsToRead(held, [], { ...versions(same), abilities: { update: false } }, 100),
    ).toBeNull();
    const all = versions([
      ['a', 2],
      ['b', 2],
      ['c', 2],
    ]);
    expect(idsToRead(held, [], all, 2)).toBeNull();
  });

  it('gives up on a row that changed again between the two reads', () => {
    const now = versions([
      ['a', 1],
      ['b', 2],
      ['c', 1],
    ]);
    expect(mergeRead(held, now, [])).toBeNull();
  });
});

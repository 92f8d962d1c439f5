import { describe, expect, it } from 'vitest';
import { laneMarkers } from './lane-markers.ts';

const start = Date.UTC(2026, 10, 16, 14, 0);
const window = { start, end: start + 1000_000 };
const at = (id: string, ms: number) => ({ id, occurredAt: new Date(start + ms).toISOString() });

describe('laneMarkers', () => {
  it('draws one marker per event when they are far apart', () => {
    const markers = laneMarkers([at('a', 0), at('b', 500_000), at('c', 1000_000)], window, 100);
    expect(markers.map((m) => [m.event.id, m.at, m.count])).toEqual([
      ['a', 0, 1],
      ['b', 0.5, 1],
      ['c', 1, 1],
    ]);
  });

  it('draws at most one marker per slot, counting the events it stands for', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => at(`e${i}`, i * 100));
    const markers = laneMarkers(many, window, 400);
    expect(markers).toHaveLength(400);
    expect(markers.reduce((sum, m) => sum + m.count, 0)).toBe(10_000);
  });

  it('shows the preferred event in its slot and leaves out events outside the window', () => {
    const markers = laneMarkers(
      [at('a', 1000), at('b', 1001), at('late', 2000_000)],
      window,
      100,
      'b',
    );
    expect(markers.map((m) => [m.event.id, m.count])).toEqual([['b', 2]]);
  });
});

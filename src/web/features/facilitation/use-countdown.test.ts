import { describe, expect, it } from 'vitest';
import { sectionLabel } from './labels.ts';
import { formatClock } from './use-countdown.ts';

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [1, '0:01'],
    [59_001, '1:00'],
    [60_000, '1:00'],
    [125_000, '2:05'],
    [3_600_000, '60:00'],
  ])('shows %i ms as %s, rounding up', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });
});

describe('sectionLabel', () => {
  it('numbers timeline segments only when there are several', () => {
    expect(sectionLabel({ kind: 'timeline', part: { index: 2, of: 3 } })).toBe(
      'Timeline walk-through (2 of 3)',
    );
    expect(sectionLabel({ kind: 'why_tree', part: { index: 1, of: 1 } })).toBe('Why-tree');
  });
});

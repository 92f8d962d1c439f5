import { describe, expect, it } from 'vitest';
import { planRows, type RowPlanItem, rowOffsets, rowRange } from './row-window.ts';

const draw = (
  offsets: Float64Array,
  viewport: { top: number; height: number },
  overscan: number,
  pinned: number[] = [],
) => planRows(offsets, rowRange(offsets, viewport, overscan), pinned);
const rows = (items: RowPlanItem[]) =>
  items.flatMap((item) => (item.kind === 'row' ? [item.index] : []));
const gaps = (items: RowPlanItem[]) =>
  items.flatMap((item) => (item.kind === 'gap' ? [item.height] : []));

describe('rowOffsets', () => {
  it('adds the heights up, ending with the whole list', () => {
    expect([...rowOffsets(3, (index) => [10, 20, 30][index] ?? 0)]).toEqual([0, 10, 30, 60]);
  });
});

describe('rowRange and planRows', () => {
  const offsets = rowOffsets(10_000, () => 40);

  it('draws the rows in view and the overscan, and a gap for the rest', () => {
    const plan = draw(offsets, { top: 0, height: 400 }, 80);
    expect(rows(plan)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(gaps(plan)).toEqual([(10_000 - 12) * 40]);
  });

  it('keeps the whole height: gaps plus drawn rows make the list', () => {
    const plan = draw(offsets, { top: 200_000, height: 600 }, 200);
    expect(rows(plan)[0]).toBe(4995);
    const drawn = rows(plan).length * 40;
    expect(gaps(plan).reduce((a, b) => a + b, 0) + drawn).toBe(400_000);
  });

  it('keeps a pinned row far from the view, between gaps', () => {
    const plan = draw(offsets, { top: 0, height: 80 }, 0, [5000]);
    expect(rows(plan)).toEqual([0, 1, 5000]);
    expect(gaps(plan)).toEqual([(5000 - 2) * 40, (10_000 - 5001) * 40]);
  });

  it('draws every row of a short list and nothing of an empty one', () => {
    expect(
      rows(
        draw(
          rowOffsets(3, () => 40),
          { top: 0, height: 900 },
          100,
        ),
      ),
    ).toEqual([0, 1, 2]);
    expect(
      draw(
        rowOffsets(0, () => 40),
        { top: 0, height: 900 },
        100,
      ),
    ).toEqual([]);
  });

  it('reads rows of different heights', () => {
    const mixed = rowOffsets(5, (index) => (index === 1 ? 300 : 20));
    expect(rows(draw(mixed, { top: 330, height: 10 }, 0))).toEqual([2]);
  });

  it('gives gaps in whole pixels, the same whatever a drawn row measures', () => {
    const before = rowOffsets(10_000, (index) => (index === 0 ? 97.4 : 97.13));
    const after = rowOffsets(10_000, (index) => (index === 0 ? 80.3 : 97.13));
    const range = { first: 0, last: 14 };
    expect(gaps(planRows(after, range))).toEqual(gaps(planRows(before, range)));
    expect(Number.isInteger(gaps(planRows(before, range))[0])).toBe(true);
  });

  it('keeps a range planned for a longer list within the list', () => {
    const shorter = rowOffsets(3, () => 40);
    expect(rows(planRows(shorter, { first: 1, last: 10 }))).toEqual([1, 2]);
    expect(gaps(planRows(shorter, { first: 1, last: 10 }))).toEqual([40]);
  });
});

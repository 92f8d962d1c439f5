/** The top of each row (and, last, the bottom of the list) in pixels from the list's top. */
export function rowOffsets(count: number, heightOf: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let index = 0; index < count; index += 1) {
    offsets[index + 1] = (offsets[index] ?? 0) + heightOf(index);
  }
  return offsets;
}

/** The last row whose top is above `y`, or at it unless `strict` (0 when `y` is above the list). */
function rowAt(offsets: Float64Array, y: number, strict = false): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    const top = offsets[middle] ?? 0;
    if (top < y || (!strict && top === y)) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return Math.max(low, 0);
}

/** What to draw of a long list: rows by index and the gaps that stand for the rows left out. */
export type RowPlanItem =
  | { kind: 'row'; index: number }
  | { kind: 'gap'; height: number; key: string };

/** The first and last row (inclusive) to draw for a viewport, with `overscan` pixels more. */
export interface RowRange {
  first: number;
  last: number;
}

/**
 * The rows a viewport (`top` and `height` in list pixels) meets, with `overscan` pixels more
 * on each side.
 */
export function rowRange(
  offsets: Float64Array,
  viewport: { top: number; height: number },
  overscan: number,
): RowRange {
  const first = rowAt(offsets, viewport.top - overscan);
  const last = Math.max(first, rowAt(offsets, viewport.top + viewport.height + overscan, true));
  return { first, last };
}

/**
 * Plans what to draw: the rows of `range` plus `pinned` rows (the focused one) wherever they
 * are, so that scrolling away never takes focus out of the list. Rows left out become gaps of
 * their height.
 */
export function planRows(
  offsets: Float64Array,
  range: RowRange,
  pinned: readonly number[] = [],
): RowPlanItem[] {
  const count = offsets.length - 1;
  if (count <= 0) {
    return [];
  }
  const indices = new Set<number>();
  for (let index = range.first; index <= Math.min(range.last, count - 1); index += 1) {
    indices.add(index);
  }
  for (const index of pinned) {
    if (index >= 0 && index < count) {
      indices.add(index);
    }
  }
  const plan: RowPlanItem[] = [];
  // Whole pixels: a gap is a difference of two long sums, and the float noise left when a
  // drawn row changes height would otherwise restyle gaps that did not change.
  const gap = (from: number, to: number) => Math.round((offsets[to] ?? 0) - (offsets[from] ?? 0));
  let next = 0;
  for (const index of [...indices].sort((a, b) => a - b)) {
    if (index > next) {
      plan.push({ kind: 'gap', height: gap(next, index), key: `gap-${next}` });
    }
    plan.push({ kind: 'row', index });
    next = index + 1;
  }
  if (next < count) {
    plan.push({ kind: 'gap', height: gap(next, count), key: 'gap-end' });
  }
  return plan;
}

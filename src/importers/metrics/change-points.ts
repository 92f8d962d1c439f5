import type { Threshold } from './metric-series.ts';

/** Something that changed in a series, at the index of the first point after the change. */
export interface MetricChange {
  index: number;
  rule: 'level_shift' | 'threshold';
  direction: 'up' | 'down';
  before: number;
  after: number;
}

/** How sensitive the level-shift rule is: a shift is > k·MAD of the window before. */
export const levelShiftK = 4;

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median absolute deviation, scaled to σ for normal noise, with a floor so flat series work. */
function spread(values: number[], centre: number): number {
  const mad = 1.4826 * median(values.map((value) => Math.abs(value - centre)));
  return Math.max(mad, Math.abs(centre) * 0.01, 1e-9);
}

/** The window length for `n` points: a sixth of the series, between 1 and 30 points. */
export function windowLength(n: number): number {
  return Math.max(1, Math.min(30, Math.floor(n / 6)));
}

/**
 * Level shifts: at each point, the mean of the next window against the mean of the window
 * before; a change when they differ by more than k·MAD of the window before. Of adjacent
 * candidates the strongest wins, and the next search starts a window later.
 */
export function findLevelShifts(values: number[]): MetricChange[] {
  const w = windowLength(values.length);
  const changes: MetricChange[] = [];
  const score = (i: number) => {
    const before = values.slice(i - w, i);
    const after = values.slice(i, i + w);
    const b = mean(before);
    const a = mean(after);
    return { a, b, score: Math.abs(a - b) / spread(before, median(before)) };
  };
  let i = w;
  while (i + w <= values.length) {
    const first = score(i);
    if (first.score <= levelShiftK) {
      i += 1;
      continue;
    }
    // Where in the candidates the level changed: the largest difference of the two means. Each
    // candidate's own spread would add the noise of its MAD to the choice and pull it a few
    // points early; the means alone peak at the step.
    let best = { index: i, ...first };
    for (let j = i + 1; j < i + w && j + w <= values.length; j += 1) {
      const next = score(j);
      if (Math.abs(next.a - next.b) > Math.abs(best.a - best.b)) {
        best = { index: j, ...next };
      }
    }
    changes.push({
      index: best.index,
      rule: 'level_shift',
      direction: best.a > best.b ? 'up' : 'down',
      before: best.b,
      after: best.a,
    });
    i = best.index + w;
  }
  return changes;
}

/** Crossings of a threshold: entering the alarming side (and a series that starts there), and leaving it. */
export function findThresholdCrossings(values: number[], threshold: Threshold): MetricChange[] {
  const alarming = (value: number) =>
    threshold.direction === '>' ? value > threshold.value : value < threshold.value;
  const changes: MetricChange[] = [];
  let previous = false;
  values.forEach((value, index) => {
    const now = alarming(value);
    if (now !== previous) {
      const entering = now;
      changes.push({
        index,
        rule: 'threshold',
        direction: entering === (threshold.direction === '>') ? 'up' : 'down',
        before: index > 0 ? (values[index - 1] ?? value) : value,
        after: value,
      });
    }
    previous = now;
  });
  return changes;
}

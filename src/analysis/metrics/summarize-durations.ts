import {
  type DurationDistribution,
  histogramBoundsSeconds,
  type MeasureQuality,
  nearestRank,
} from '../../domain/incident-measures.ts';

/** The bin of a duration: the first bound it lies below, or the last, open bin. */
export function histogramBin(seconds: number): number {
  const index = histogramBoundsSeconds.findIndex((bound) => seconds < bound);
  return index === -1 ? histogramBoundsSeconds.length : index;
}

/**
 * Summarises durations as a distribution: count, nearest-rank median/p75/p90, max, histogram;
 * the mean only as a companion of the median. `qualities` counts every incident of the
 * population, the `missing` ones included (they have no duration).
 */
export function summarizeDurations(
  seconds: readonly number[],
  qualities: Record<MeasureQuality, number>,
): DurationDistribution {
  const sorted = [...seconds].sort((a, b) => a - b);
  const n = sorted.length;
  const at = (p: number) => (n === 0 ? null : (sorted[nearestRank(p, n) - 1] ?? null));
  const histogram = new Array<number>(histogramBoundsSeconds.length + 1).fill(0);
  let sum = 0;
  for (const value of sorted) {
    const bin = histogramBin(value);
    histogram[bin] = (histogram[bin] ?? 0) + 1;
    sum += value;
  }
  return {
    count: n,
    median: at(0.5),
    p75: at(0.75),
    p90: at(0.9),
    max: n === 0 ? null : (sorted[n - 1] ?? null),
    mean: n === 0 ? null : Math.round(sum / n),
    histogram,
    quality: { ...qualities },
  };
}

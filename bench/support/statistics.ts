/**
 * The summaries the benchmarks print of their timings. Two medians and two percentiles, because
 * the benchmarks have printed both kinds for a long time and the kinds differ on some counts:
 * a result only compares with an earlier one when both were computed alike.
 */

const ascending = (values: readonly number[]) => [...values].sort((a, b) => a - b);

/**
 * The middle of `values`: the mean of the two middle values when there is an even number of
 * them. 0 for no values.
 */
export function median(values: readonly number[]): number {
  const sorted = ascending(values);
  const middle = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * The middle value of `values`, the upper of the two middle ones when there is an even number
 * of them: always one of the measured values, never a mean of two. 0 for no values.
 */
export function upperMedian(values: readonly number[]): number {
  return ascending(values)[values.length >> 1] ?? 0;
}

/**
 * The nearest-rank percentile: the smallest value with at least `fraction` (0–1) of the values
 * at or below it, i.e. the ⌈fraction·n⌉-th smallest. At 0.5 and an even count, the lower of the
 * two middle values. 0 for no values.
 */
export function nearestRankPercentile(values: readonly number[], fraction: number): number {
  const sorted = ascending(values);
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

/**
 * The value at index ⌊fraction·n⌋ of the sorted values (`fraction` 0–1; 1 gives the largest):
 * the smallest value with more than `fraction` of the values at or below it. It differs from
 * {@link nearestRankPercentile} only when fraction·n is a whole number, where it takes the next
 * value up; at 0.5 it is the {@link upperMedian}. NaN for no values.
 */
export function upperRankPercentile(values: readonly number[], fraction: number): number {
  const sorted = ascending(values);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? Number.NaN;
}

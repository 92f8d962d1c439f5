/**
 * Splits `total` whole minutes over weights: at least one minute each (when there are enough),
 * the rest proportionally by largest remainder, so the parts always add up to `total`.
 */
export function splitMinutes(total: number, weights: readonly number[]): number[] {
  const count = weights.length;
  if (count === 0) {
    return [];
  }
  const floor = total >= count ? 1 : 0;
  const rest = total - floor * count;
  const weightSum = weights.reduce((sum, w) => sum + Math.max(0, w), 0);
  const shares = weights.map((w) =>
    weightSum === 0 ? rest / count : (rest * Math.max(0, w)) / weightSum,
  );
  const minutes = shares.map((share) => floor + Math.floor(share));
  let left = total - minutes.reduce((sum, m) => sum + m, 0);
  const byRemainder = shares
    .map((share, index) => ({ index, remainder: share - Math.floor(share) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) {
      break;
    }
    minutes[index] = (minutes[index] ?? 0) + 1;
    left -= 1;
  }
  return minutes;
}

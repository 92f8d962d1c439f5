/** A duration in seconds for people: `45s`, `12m`, `3.5h`, `2.1d`; `-` when unknown. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) {
    return '-';
  }
  if (seconds < 60) {
    return `${seconds}s`;
  }
  if (seconds < 3600) {
    return `${Math.round(seconds / 60)}m`;
  }
  if (seconds < 86_400) {
    return `${(seconds / 3600).toFixed(1)}h`;
  }
  return `${(seconds / 86_400).toFixed(1)}d`;
}

const dayMs = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of an instant, in UTC. */
export function toIsoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * The calendar date `days` business days after `start` (UTC), skipping Saturdays, Sundays and
 * the given holidays. Zero days returns the start date itself.
 */
export function addBusinessDays(
  start: Date,
  days: number,
  holidays: readonly string[] = [],
): string {
  const skip = new Set(holidays);
  let cursor = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
  let remaining = days;
  while (remaining > 0) {
    cursor += dayMs;
    const date = new Date(cursor);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !skip.has(toIsoDate(date))) {
      remaining -= 1;
    }
  }
  return toIsoDate(new Date(cursor));
}

import { toIsoDate } from '../../domain/business-days.ts';

const dayMs = 86_400_000;

/**
 * Business days (UTC, Monday to Friday, minus holidays) after `from`'s date up to and
 * including `to`'s date: the inverse of `addBusinessDays`, so
 * `countBusinessDays(d, addBusinessDays(d, n)) === n`. Zero when `to` is not after `from`.
 */
export function countBusinessDays(from: Date, to: Date, holidays: readonly string[] = []): number {
  const skip = new Set(holidays);
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  let count = 0;
  for (let cursor = start + dayMs; cursor <= end; cursor += dayMs) {
    const date = new Date(cursor);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !skip.has(toIsoDate(date))) {
      count += 1;
    }
  }
  return count;
}

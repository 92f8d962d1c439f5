/** How a phase deadline stands, for its colour and its words. */
export type DeadlineState = 'done' | 'overdue' | 'due-soon' | 'upcoming';

/** Days within which a deadline counts as due soon (amber). */
export const dueSoonDays = 2;

const dayMs = 86_400_000;

/** Whole days from `today` to `dueOn` (both `YYYY-MM-DD`); negative once past. */
export function daysUntil(dueOn: string, today: string): number {
  return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / dayMs);
}

/**
 * The state of a deadline: a reached phase is done whatever its date (and a date still ahead
 * is never called "reached"); otherwise overdue when the server says so, due soon within
 * `dueSoonDays`, upcoming after that.
 */
export function deadlineState(
  deadline: { reached: boolean; overdue: boolean; dueOn: string },
  today: string,
): DeadlineState {
  if (deadline.reached) {
    return 'done';
  }
  if (deadline.overdue || daysUntil(deadline.dueOn, today) < 0) {
    return 'overdue';
  }
  return daysUntil(deadline.dueOn, today) <= dueSoonDays ? 'due-soon' : 'upcoming';
}

/** The distance to a deadline in words: "today", "tomorrow", "in 5 days", "3 days ago". */
export function relativeDays(dueOn: string, today: string): string {
  const days = daysUntil(dueOn, today);
  if (days === 0) {
    return 'today';
  }
  if (days === 1) {
    return 'tomorrow';
  }
  if (days === -1) {
    return 'yesterday';
  }
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

import type { ActionItemPriority } from './action-item.ts';
import type { Severity } from './incident.ts';

const dayMs = 24 * 60 * 60 * 1000;

/** Calendar days from creation to the due date, per incident severity and item priority. */
export type ActionItemDueDays = Record<Severity, Record<ActionItemPriority, number>>;

/**
 * The default due date of a new action item: `today` plus the policy's days for the review's
 * severity and the item's priority (calendar days: a fix is due on a date people can read).
 */
export function defaultActionItemDueDate(
  dueDays: ActionItemDueDays,
  severity: Severity,
  priority: ActionItemPriority,
  today: string,
): string {
  const start = Date.parse(`${today}T00:00:00Z`);
  return new Date(start + dueDays[severity][priority] * dayMs).toISOString().slice(0, 10);
}

import type { ActionItemStatus } from './action-item.ts';

/** What a tracker said happened to its issue, whatever its own words. */
export const trackerSignals = ['to_do', 'in_progress', 'closed', 'reopened'] as const;
export type TrackerSignal = (typeof trackerSignals)[number];

/**
 * The item's new status after a tracker signal, or `null` when nothing changes. A closed issue
 * makes the item `done` — never `verified`: verification stays a human step. A re-opened issue
 * takes a done item back to `in_progress`; verified and won't-do items are settled decisions a
 * tracker does not undo.
 */
export function statusAfterTrackerSignal(
  current: ActionItemStatus,
  signal: TrackerSignal,
): ActionItemStatus | null {
  switch (signal) {
    case 'closed':
      return current === 'open' || current === 'in_progress' ? 'done' : null;
    case 'reopened':
      return current === 'done' ? 'in_progress' : null;
    case 'in_progress':
      return current === 'open' ? 'in_progress' : null;
    case 'to_do':
      return null;
    default: {
      const unknownSignal: never = signal;
      throw new Error(`unknown tracker signal ${String(unknownSignal)}`);
    }
  }
}

/** Jira's status categories (`statusCategory.key`) in our words. */
export function signalFromJiraCategory(categoryKey: string): TrackerSignal | null {
  switch (categoryKey) {
    case 'done':
      return 'closed';
    case 'indeterminate':
      return 'in_progress';
    case 'new':
      return 'to_do';
    default:
      return null;
  }
}

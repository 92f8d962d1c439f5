import type { ActionItemStatus } from '../../domain/action-item.ts';
import { type DurationDistribution, monthOf } from '../../domain/incident-measures.ts';
import { summarizeDurations } from './summarize-durations.ts';

/** What follow-through needs of an action item and its postmortem. */
export interface FollowThroughItem {
  postmortemId: string;
  postmortemClosed: boolean;
  status: ActionItemStatus;
  createdAt: Date;
  verifiedAt: Date | null;
  /** `YYYY-MM-DD` */
  dueDate: string | null;
}

/** Whether fixes are carried through: created against verified, how fast, how late. */
export interface FollowThrough {
  byMonth: Array<{ month: string; created: number; verified: number }>;
  /** From creation to verification, over verified items. */
  timeToVerify: DurationDistribution;
  /** Open items past their due date, and by how many days. */
  overdue: { count: number; ageDays: DurationDistribution };
  closedPostmortems: number;
  /** Closed postmortems whose every action item is verified (none dropped as won't do). */
  closedWithAllVerified: number;
}

const settled = (status: ActionItemStatus) => status === 'verified' || status === 'wont_do';
const allExact = (n: number) => ({ missing: 0, estimated: 0, edited: 0, exact: n });

/** Follow-through over the action items of the postmortems the viewer may see, as of `today`. */
export function computeFollowThrough(
  items: readonly FollowThroughItem[],
  today: string,
): FollowThrough {
  const months = new Map<string, { created: number; verified: number }>();
  const bump = (month: string, key: 'created' | 'verified') => {
    const entry = months.get(month) ?? { created: 0, verified: 0 };
    entry[key] += 1;
    months.set(month, entry);
  };
  const toVerify: number[] = [];
  const overdueDays: number[] = [];
  const byPostmortem = new Map<string, { closed: boolean; allVerified: boolean }>();
  for (const item of items) {
    bump(monthOf(item.createdAt), 'created');
    if (item.status === 'verified' && item.verifiedAt) {
      bump(monthOf(item.verifiedAt), 'verified');
      toVerify.push(
        Math.max(0, Math.floor((item.verifiedAt.getTime() - item.createdAt.getTime()) / 1000)),
      );
    }
    if (!settled(item.status) && item.status !== 'done' && item.dueDate && item.dueDate < today) {
      overdueDays.push(
        Math.round(
          (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${item.dueDate}T00:00:00Z`)) / 86_400_000,
        ),
      );
    }
    const review = byPostmortem.get(item.postmortemId) ?? {
      closed: item.postmortemClosed,
      allVerified: true,
    };
    review.allVerified &&= item.status === 'verified';
    byPostmortem.set(item.postmortemId, review);
  }
  const closed = [...byPostmortem.values()].filter((review) => review.closed);
  return {
    byMonth: [...months.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([month, counts]) => ({ month, ...counts })),
    timeToVerify: summarizeDurations(toVerify, allExact(toVerify.length)),
    overdue: {
      count: overdueDays.length,
      // Days, not seconds: the histogram bins of durations do not apply, the percentiles do.
      ageDays: summarizeDurations(overdueDays, allExact(overdueDays.length)),
    },
    closedPostmortems: closed.length,
    closedWithAllVerified: closed.filter((review) => review.allVerified).length,
  };
}

import type { ActionItemPriority, ActionItemStatus } from './action-item.ts';
import type { PostmortemPhase } from './postmortem-phases.ts';

/** The board's ready-made views; `all` is every item the viewer may see. */
export const boardViews = ['all', 'mine', 'overdue', 'due_soon', 'done_unverified'] as const;
export type BoardView = (typeof boardViews)[number];

/** Orders of the board. */
export const boardSorts = ['due', 'priority', 'updated', 'postmortem'] as const;
export type BoardSort = (typeof boardSorts)[number];

/** Statuses still in someone's hands: only these can be overdue or due soon. */
export const unfinishedStatuses: ActionItemStatus[] = ['open', 'in_progress'];

/** Days ahead that count as "due soon". */
export const dueSoonDays = 7;

/** What the board is asked for. `today` is the viewer's calendar date (UTC), from the clock. */
export interface BoardQuery {
  view: BoardView;
  /** Items owned by this account (the `mine` view sets it too). */
  ownerUserId?: string;
  team?: string;
  service?: string;
  status?: ActionItemStatus[];
  sort: BoardSort;
  limit: number;
  offset: number;
  today: string;
}

/** One row of the board: the item with the postmortem it belongs to. */
export interface BoardItem {
  id: string;
  postmortemId: string;
  postmortemNumber: number;
  postmortemTitle: string;
  postmortemPhase: PostmortemPhase;
  title: string;
  kind: string;
  priority: ActionItemPriority;
  status: ActionItemStatus;
  ownerName: string | null;
  ownerUserId: string | null;
  team: string | null;
  services: string[];
  dueDate: string | null;
  trackerUrl: string | null;
  verificationEvidence: string | null;
  verifiedAt: Date | null;
  updatedAt: Date;
  version: number;
}

/** Counts of the viewer's visible, unsettled items by view, and per team. */
export interface BoardCounts {
  views: Record<BoardView, number>;
  teams: Array<{ team: string | null; open: number; overdue: number; doneUnverified: number }>;
}

/** True when the item is past its due date and still in someone's hands. */
export function isOverdue(item: Pick<BoardItem, 'status' | 'dueDate'>, today: string): boolean {
  return unfinishedStatuses.includes(item.status) && item.dueDate !== null && item.dueDate < today;
}

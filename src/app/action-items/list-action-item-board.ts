import type {
  BoardCounts,
  BoardItem,
  BoardQuery,
  BoardView,
} from '../../domain/action-item-board.ts';
import { toIsoDate } from '../../domain/business-days.ts';
import type { Actor } from '../../domain/user.ts';
import { actionItemBoardRepository } from '../../storage/repositories/action-item-board-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/** What the board shows: a page of items, their total, the counts per view and per team. */
export interface BoardPage {
  items: BoardItem[];
  total: number;
  counts: BoardCounts;
  today: string;
}

/**
 * The action items across every postmortem the actor may see, filtered by view (mine,
 * overdue, due soon, done but unverified), owner, team, service and status. Today's date comes
 * from the injected clock, so "overdue" moves with it.
 */
export async function listActionItemBoard(
  deps: AppDeps,
  actor: Actor,
  query: Omit<BoardQuery, 'today'>,
  options: { withCounts: boolean } = { withCounts: true },
): Promise<BoardPage> {
  const today = toIsoDate(deps.clock());
  const full: BoardQuery = {
    ...query,
    today,
    ownerUserId: query.view === 'mine' ? actor.id : query.ownerUserId,
  };
  if (!options.withCounts) {
    const page = await actionItemBoardRepository.list(deps.db, actor, full);
    return { ...page, counts: noCounts, today };
  }
  // Two reads side by side on two connections (PostgreSQL; PGlite takes them in turn), outside
  // a transaction: a board is a glance, and a write landing between them is on the next one.
  const total = viewTotal(full, actor);
  const [counts, page] = await Promise.all([
    actionItemBoardRepository.counts(deps.db, actor, today),
    actionItemBoardRepository.list(deps.db, actor, full, { total: total === undefined }),
  ]);
  return { ...page, total: total ? counts.views[total] : page.total, counts, today };
}

const noCounts: BoardCounts = {
  views: { all: 0, mine: 0, overdue: 0, due_soon: 0, done_unverified: 0 },
  teams: [],
};

/**
 * The view whose count is the query's total, when nothing but the view filters it: the page
 * then need not count its matches again.
 */
function viewTotal(query: BoardQuery, actor: Actor): BoardView | undefined {
  const onlyTheView =
    !query.team &&
    !query.service &&
    !query.status?.length &&
    (query.ownerUserId === undefined || (query.view === 'mine' && query.ownerUserId === actor.id));
  return onlyTheView ? query.view : undefined;
}

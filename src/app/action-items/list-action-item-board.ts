import type { BoardCounts, BoardItem, BoardQuery } from '../../domain/action-item-board.ts';
import { toIsoDate } from '../../domain/business-days.ts';
import type { Actor } from '../../domain/user.ts';
import { actionItemBoardRepository } from '../../storage/repositories/action-item-board-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';

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
  return inTransaction(deps, async (tx) => {
    const page = await actionItemBoardRepository.list(tx.db, actor, full);
    const counts = options.withCounts
      ? await actionItemBoardRepository.counts(tx.db, actor, today)
      : { views: { all: 0, mine: 0, overdue: 0, due_soon: 0, done_unverified: 0 }, teams: [] };
    return { ...page, counts, today };
  });
}

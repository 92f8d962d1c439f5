import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ActionItemPriority, ActionItemStatus } from '../../domain/action-item.ts';
import {
  type BoardCounts,
  type BoardItem,
  type BoardQuery,
  dueSoonDays,
} from '../../domain/action-item-board.ts';
import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import { actionItems, postmortems } from '../schema.ts';
import { postmortemVisibleTo } from '../visibility.ts';

const unfinished = sql`${actionItems.status} in ('open', 'in_progress')`;
const overdue = (today: string) => sql`(${unfinished} and ${actionItems.dueDate} < ${today})`;
const dueSoon = (today: string) => {
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + dueSoonDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return sql`(${unfinished} and ${actionItems.dueDate} >= ${today} and ${actionItems.dueDate} <= ${until})`;
};
const doneUnverified = sql`${actionItems.status} = 'done'`;

/** The rows every board read starts from: visible postmortems' items, ideas left out. */
const visibleItems = (viewer: Actor) =>
  and(eq(actionItems.isIdea, false), postmortemVisibleTo(viewer)) as SQL;

function filters(query: BoardQuery): SQL[] {
  const conditions: SQL[] = [];
  if (query.view === 'overdue') {
    conditions.push(overdue(query.today));
  } else if (query.view === 'due_soon') {
    conditions.push(dueSoon(query.today));
  } else if (query.view === 'done_unverified') {
    conditions.push(doneUnverified);
  }
  if (query.ownerUserId) {
    conditions.push(sql`${actionItems.ownerUserId} = ${query.ownerUserId}`);
  }
  if (query.team) {
    conditions.push(sql`${actionItems.team} = ${query.team}`);
  }
  if (query.service) {
    conditions.push(sql`${query.service} = any(${actionItems.services})`);
  }
  if (query.status?.length) {
    conditions.push(inArray(actionItems.status, query.status));
  }
  return conditions;
}

const orderBy: Record<BoardQuery['sort'], SQL> = {
  due: sql`${actionItems.dueDate} asc nulls last, ${actionItems.id}`,
  priority: sql`${actionItems.priority} asc, ${actionItems.dueDate} asc nulls last, ${actionItems.id}`,
  updated: sql`${actionItems.updatedAt} desc, ${actionItems.id}`,
  postmortem: sql`${postmortems.number} desc, ${actionItems.createdAt}, ${actionItems.id}`,
};

const boardColumns = {
  id: actionItems.id,
  postmortemId: actionItems.postmortemId,
  postmortemNumber: postmortems.number,
  postmortemTitle: postmortems.title,
  postmortemPhase: postmortems.phase,
  title: actionItems.title,
  kind: actionItems.kind,
  priority: actionItems.priority,
  status: actionItems.status,
  ownerName: actionItems.ownerName,
  ownerUserId: actionItems.ownerUserId,
  team: actionItems.team,
  services: actionItems.services,
  dueDate: actionItems.dueDate,
  trackerUrl: actionItems.trackerUrl,
  verificationEvidence: actionItems.verificationEvidence,
  verifiedAt: actionItems.verifiedAt,
  updatedAt: actionItems.updatedAt,
  version: actionItems.version,
};

/**
 * The action-item board across postmortems. Restricted postmortems are filtered in the SQL
 * (`postmortemVisibleTo`), so their items reach neither the rows nor any count.
 */
export const actionItemBoardRepository = {
  /**
   * A page of the board. With `total: false` the page is read without counting every match
   * (the caller knows the total from `counts`), so an indexed order stops after one page
   * instead of checking every matching item's visibility.
   */
  async list(
    db: Database,
    viewer: Actor,
    query: BoardQuery,
    options: { total: boolean } = { total: true },
  ): Promise<{ items: BoardItem[]; total: number }> {
    const rows = await db
      .select({
        ...boardColumns,
        total: options.total
          ? sql<number>`count(*) over ()`.mapWith(Number)
          : sql<number>`0`.mapWith(Number),
      })
      .from(actionItems)
      .innerJoin(postmortems, eq(postmortems.id, actionItems.postmortemId))
      .where(and(visibleItems(viewer), ...filters(query)))
      .orderBy(orderBy[query.sort])
      .limit(query.limit)
      .offset(query.offset);
    const items = rows.map(({ total: _total, ...row }) => ({
      ...row,
      postmortemPhase: row.postmortemPhase as PostmortemPhase,
      priority: row.priority as ActionItemPriority,
      status: row.status as ActionItemStatus,
    }));
    return { items, total: rows[0]?.total ?? 0 };
  },

  /**
   * Counts per view and per team over what the viewer may see: one pass grouping the visible
   * items by team, status, whether they are the viewer's and where their due date falls, folded
   * into the counts here (a few dozen groups instead of six filtered counts per item).
   */
  async counts(db: Database, viewer: Actor, today: string): Promise<BoardCounts> {
    const until = new Date(Date.parse(`${today}T00:00:00Z`) + dueSoonDays * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const groups = await db
      .select({
        team: actionItems.team,
        status: actionItems.status,
        mine: sql<boolean>`coalesce(${actionItems.ownerUserId} = ${viewer.id}, false)`,
        due: sql<number>`case when ${actionItems.dueDate} < ${today} then 1 when ${actionItems.dueDate} <= ${until} then 2 else 0 end`.mapWith(
          Number,
        ),
        n: sql<number>`count(*)`.mapWith(Number),
      })
      .from(actionItems)
      .innerJoin(postmortems, eq(postmortems.id, actionItems.postmortemId))
      .where(visibleItems(viewer))
      .groupBy(sql`1, 2, 3, 4`)
      .orderBy(sql`${actionItems.team} asc nulls last`);
    const views = { all: 0, mine: 0, overdue: 0, due_soon: 0, done_unverified: 0 };
    const teams = new Map<string | null, BoardCounts['teams'][number]>();
    for (const group of groups) {
      const team = teams.get(group.team) ?? {
        team: group.team,
        open: 0,
        overdue: 0,
        doneUnverified: 0,
      };
      teams.set(group.team, team);
      const isUnfinished = group.status === 'open' || group.status === 'in_progress';
      views.all += group.n;
      views.mine += group.mine ? group.n : 0;
      if (isUnfinished) {
        team.open += group.n;
        if (group.due === 1) {
          views.overdue += group.n;
          team.overdue += group.n;
        } else if (group.due === 2) {
          views.due_soon += group.n;
        }
      }
      if (group.status === 'done') {
        views.done_unverified += group.n;
        team.doneUnverified += group.n;
      }
    }
    return { views, teams: [...teams.values()] };
  },
};

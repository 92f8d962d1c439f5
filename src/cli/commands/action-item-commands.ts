import { listActionItemBoard } from '../../app/action-items/list-action-item-board.ts';
import { verifyActionItem } from '../../app/parts/verify-action-item.ts';
import { boardQuerySchema } from '../../contracts/action-item-board.ts';
import { verifyActionItemBodySchema } from '../../contracts/action-items.ts';
import { idSchema } from '../../contracts/common.ts';
import { presentBoardItem } from '../../server/presenters/present-board-item.ts';
import { presentPart } from '../../server/presenters/present-parts.ts';
import { UsageError } from '../output/cli-error.ts';
import { formatTable, printResult } from '../output/print.ts';
import { resolveActor } from '../resolve-actor.ts';
import { type RuntimeOptions, withRuntime } from '../runtime.ts';

interface CommonOptions extends RuntimeOptions {
  as?: string;
  json: boolean;
}

/**
 * `debrief action-items list [--mine] [--overdue] [--team T] [--status S,S]`: the board across
 * postmortems, read through the API's board query, so a status filter means the same here.
 */
export async function actionItemsList(
  options: CommonOptions & {
    mine?: boolean;
    overdue?: boolean;
    team?: string;
    status?: string;
    limit?: string;
  },
): Promise<void> {
  if (options.mine && options.overdue) {
    throw new UsageError(
      'Pass --mine or --overdue, not both (use --as to see someone’s overdue items).',
    );
  }
  const query = boardQuerySchema.parse({
    view: options.mine ? 'mine' : options.overdue ? 'overdue' : 'all',
    team: options.team,
    status: options.status,
    limit: options.limit ?? '200',
  });
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const board = await listActionItemBoard(deps, actor, query);
    const items = board.items.map((item) => presentBoardItem(item, board.today));
    printResult(options.json, { data: items, total: board.total, counts: board.counts }, () => [
      ...formatTable([
        ['PM', 'DUE', 'STATUS', 'PRI', 'OWNER', 'TEAM', 'TITLE', 'ID'],
        ...items.map((i) => [
          `#${i.postmortemNumber}`,
          `${i.dueDate ?? '—'}${i.overdue ? ' OVERDUE' : ''}`,
          i.status,
          i.priority,
          i.ownerName ?? '—',
          i.team ?? '—',
          i.title.length > 60 ? `${i.title.slice(0, 59)}…` : i.title,
          i.id,
        ]),
      ]),
      `${items.length} of ${board.total} shown; ${board.counts.views.overdue} overdue, ${board.counts.views.done_unverified} done but not verified.`,
    ]);
  });
}

/** `debrief action-item verify ID --evidence URL [--note TEXT]`: `done → verified`. */
export async function actionItemVerify(
  id: string,
  options: CommonOptions & { evidence: string; note?: string },
): Promise<void> {
  if (!idSchema.safeParse(id).success) {
    throw new UsageError(`"${id}" is not an action item id (a UUID).`);
  }
  const body = verifyActionItemBodySchema.parse({ evidence: options.evidence, note: options.note });
  await withRuntime(options, async ({ deps }) => {
    const actor = await resolveActor(deps, options.as);
    const item = await verifyActionItem(deps, actor, id, body);
    const { data } = presentPart(item, true, actor);
    printResult(options.json, data, () => [
      `Verified "${data.title}".`,
      `  evidence: ${data.verificationEvidence}`,
      ...(data.verificationNote ? [`  note: ${data.verificationNote}`] : []),
    ]);
  });
}

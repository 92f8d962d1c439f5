import { listActionItemBoard } from '../../../app/action-items/list-action-item-board.ts';
import { boardQuerySchema, boardResponseSchema } from '../../../contracts/action-item-board.ts';
import { actionItemsToCsv } from '../../../reports/action-items-csv.ts';
import { requireActor } from '../../authenticate.ts';
import { presentBoardItem } from '../../presenters/present-board-item.ts';
import type { RouteContext } from '../route-context.ts';

/** The most rows one CSV export carries; the board pages beyond it. */
export const csvExportMax = 10_000;

/** The board of action items across postmortems, as JSON and as a CSV export. */
export function registerActionItemBoardRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/action-items',
    {
      schema: {
        tags: ['action-items'],
        querystring: boardQuerySchema,
        response: { 200: boardResponseSchema },
      },
    },
    async (request) => {
      const board = await listActionItemBoard(deps, requireActor(request), request.query);
      return {
        data: board.items.map((item) => presentBoardItem(item, board.today)),
        page: { total: board.total, offset: request.query.offset, limit: request.query.limit },
        counts: board.counts,
        today: board.today,
      };
    },
  );

  app.get(
    '/api/v1/action-items.csv',
    {
      schema: {
        tags: ['action-items'],
        querystring: boardQuerySchema.omit({ limit: true, offset: true }),
      },
    },
    async (request, reply) => {
      const board = await listActionItemBoard(
        deps,
        requireActor(request),
        { ...request.query, limit: csvExportMax, offset: 0 },
        { withCounts: false },
      );
      const rows = board.items.map((item) => presentBoardItem(item, board.today));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="action-items-${board.today}.csv"`)
        .send(actionItemsToCsv(rows));
    },
  );
}

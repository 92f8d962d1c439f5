import type { z } from 'zod';
import { boardResponseSchema } from '../../contracts/action-item-board.ts';
import type { BoardSort, BoardView } from '../../domain/action-item-board.ts';
import { apiBase, requestJson } from './http.ts';

export type Board = z.infer<typeof boardResponseSchema>;
export type BoardItemView = Board['data'][number];

/** The board's filters as the page holds them. */
export interface BoardFilters {
  view: BoardView;
  team?: string;
  sort: BoardSort;
  offset?: number;
}

const toQuery = (filters: BoardFilters) => ({
  view: filters.view,
  team: filters.team,
  sort: filters.sort,
  limit: 100,
  offset: filters.offset,
});

/** The action-item board across postmortems, and the address of its CSV export. */
export const boardApi = {
  list: (filters: BoardFilters) =>
    requestJson(boardResponseSchema, 'GET', '/action-items', { query: toQuery(filters) }),
  csvUrl: (filters: BoardFilters) => {
    const params = new URLSearchParams({ view: filters.view, sort: filters.sort });
    if (filters.team) {
      params.set('team', filters.team);
    }
    return `${apiBase}/action-items.csv?${params.toString()}`;
  },
};

import { z } from 'zod';
import { abilitiesSchema, single } from '../../contracts/common.ts';
import {
  type SearchFiltersDto,
  savedViewSchema,
  searchResponseSchema,
} from '../../contracts/search.ts';
import { requestJson, send } from './http.ts';

export type SearchAnswer = z.infer<typeof searchResponseSchema>;
export type SearchHitView = SearchAnswer['data'][number];
export type SavedViewRow = {
  data: z.infer<typeof savedViewSchema>;
  abilities: Record<string, boolean>;
};

/** The search page's state as query-string values (the address keeps them). */
export interface SearchParams {
  q?: string;
  kind?: string;
  severity?: string;
  service?: string;
  category?: string;
  phase?: string;
  from?: string;
  to?: string;
  /** `true` or `false`: with or without a published report. */
  published?: string;
  view?: string;
  offset?: string;
}

const viewsSchema = z.object({
  data: z.array(z.object({ data: savedViewSchema, abilities: abilitiesSchema })),
});

/** Full-text search and saved views. */
export const searchApi = {
  search: (params: SearchParams) =>
    requestJson(searchResponseSchema, 'GET', '/search', { query: { ...params, limit: 20 } }),
  listViews: () => requestJson(viewsSchema, 'GET', '/search/views'),
  createView: (body: { name: string; q: string; filters: SearchFiltersDto; shared: boolean }) =>
    requestJson(single(savedViewSchema), 'POST', '/search/views', { body }),
  deleteView: (id: string, version: number) => send('DELETE', `/search/views/${id}`, { version }),
};

import type { z } from 'zod';
import { paged, single } from '../../contracts/common.ts';
import {
  type createPostmortemBodySchema,
  postmortemSchema,
  postmortemSummarySchema,
  type transitionBodySchema,
  type updatePostmortemBodySchema,
} from '../../contracts/postmortem.ts';
import { requestJson } from './http.ts';

export type Postmortem = z.infer<typeof postmortemSchema>;
export type PostmortemSummary = z.infer<typeof postmortemSummarySchema>;
export type UpdatePostmortemInput = z.input<typeof updatePostmortemBodySchema>;

const onePostmortem = single(postmortemSchema);
const path = (id: string) => `/postmortems/${encodeURIComponent(id)}`;

/** Postmortems: the review of one or more incidents. */
export const postmortemsApi = {
  /** Filters as query-string values (lists comma-separated, flags `true`). */
  list: (query: Record<string, string | undefined>) =>
    requestJson(paged(postmortemSummarySchema), 'GET', '/postmortems', { query }),
  get: (id: string) => requestJson(onePostmortem, 'GET', path(id)),
  create: (body: z.input<typeof createPostmortemBodySchema>) =>
    requestJson(onePostmortem, 'POST', '/postmortems', { body }),
  update: (id: string, version: number, body: UpdatePostmortemInput) =>
    requestJson(onePostmortem, 'PATCH', path(id), { body, version }),
  transition: (id: string, version: number, body: z.input<typeof transitionBodySchema>) =>
    requestJson(onePostmortem, 'POST', `${path(id)}/transitions`, { body, version }),
};

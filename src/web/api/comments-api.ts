import type { z } from 'zod';
import {
  commentSchema,
  type createCommentBodySchema,
  type updateCommentBodySchema,
} from '../../contracts/comments.ts';
import { paged, single } from '../../contracts/common.ts';
import { requestJson } from './http.ts';

export type Comment = z.infer<typeof commentSchema>;

const one = single(commentSchema);

/** Comment threads of a postmortem. */
export const commentsApi = {
  list: (postmortemId: string) =>
    requestJson(
      paged(commentSchema),
      'GET',
      `/postmortems/${encodeURIComponent(postmortemId)}/comments`,
    ),
  create: (postmortemId: string, body: z.input<typeof createCommentBodySchema>) =>
    requestJson(one, 'POST', `/postmortems/${encodeURIComponent(postmortemId)}/comments`, { body }),
  update: (id: string, version: number, body: z.input<typeof updateCommentBodySchema>) =>
    requestJson(one, 'PATCH', `/comments/${encodeURIComponent(id)}`, { body, version }),
};

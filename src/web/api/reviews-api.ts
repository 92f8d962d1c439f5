import type { z } from 'zod';
import { single } from '../../contracts/common.ts';
import {
  type decideReviewBodySchema,
  type requestReviewBodySchema,
  reviewListSchema,
  reviewRequestSchema,
} from '../../contracts/reviews.ts';
import { requestJson, send } from './http.ts';

export type ReviewList = z.infer<typeof reviewListSchema>;
export type ReviewRequest = z.infer<typeof reviewRequestSchema>;

const one = single(reviewRequestSchema);

/** Requested reviews of a postmortem's report. */
export const reviewsApi = {
  list: (postmortemId: string) =>
    requestJson(
      reviewListSchema,
      'GET',
      `/postmortems/${encodeURIComponent(postmortemId)}/reviews`,
    ),
  request: (postmortemId: string, body: z.input<typeof requestReviewBodySchema>) =>
    requestJson(one, 'POST', `/postmortems/${encodeURIComponent(postmortemId)}/reviews`, { body }),
  decide: (id: string, version: number, body: z.input<typeof decideReviewBodySchema>) =>
    requestJson(one, 'POST', `/reviews/${encodeURIComponent(id)}/decision`, { body, version }),
  withdraw: async (id: string, version: number): Promise<true> => {
    await send('DELETE', `/reviews/${encodeURIComponent(id)}`, { version });
    return true;
  },
};

import { z } from 'zod';
import {
  blamelessContextSchema,
  blamelessFindingSchema,
  type waiveFindingBodySchema,
} from '../../contracts/postmortem-parts.ts';
import { requestJson, send } from './http.ts';

export type BlamelessFinding = z.infer<typeof blamelessFindingSchema>;

const findingsSchema = z.object({
  data: z.array(blamelessFindingSchema),
  context: blamelessContextSchema,
});
const path = (postmortemId: string) => `/postmortems/${encodeURIComponent(postmortemId)}`;

/** Server-side blameless-language findings of a postmortem, their waivers and the linter's context. */
export const blamelessApi = {
  list: (postmortemId: string) =>
    requestJson(findingsSchema, 'GET', `${path(postmortemId)}/blameless-findings`),
  waive: async (
    postmortemId: string,
    body: z.input<typeof waiveFindingBodySchema>,
  ): Promise<true> => {
    await send('POST', `${path(postmortemId)}/blameless-waivers`, { body });
    return true;
  },
};

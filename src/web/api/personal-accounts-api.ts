import type { z } from 'zod';
import { paged, single } from '../../contracts/common.ts';
import {
  type createPersonalAccountBodySchema,
  personalAccountSchema,
  personalAccountWriteResponseSchema,
  type pinPersonalAccountMomentBodySchema,
} from '../../contracts/personal-accounts.ts';
import { timelineEventSchema } from '../../contracts/postmortem-parts.ts';
import { requestJson, send } from './http.ts';

export type PersonalAccount = z.infer<typeof personalAccountSchema>;

const itemPath = (id: string) => `/personal-accounts/${encodeURIComponent(id)}`;

/** Personal accounts: each participant's own story, and moments pinned from it. */
export const personalAccountsApi = {
  list: (postmortemId: string) =>
    requestJson(
      paged(personalAccountSchema),
      'GET',
      `/postmortems/${encodeURIComponent(postmortemId)}/personal-accounts`,
    ),
  submit: (postmortemId: string, body: z.input<typeof createPersonalAccountBodySchema>) =>
    requestJson(
      personalAccountWriteResponseSchema,
      'POST',
      `/postmortems/${encodeURIComponent(postmortemId)}/personal-accounts`,
      { body },
    ),
  update: (id: string, version: number, body: { body: string; lintRequested?: boolean }) =>
    requestJson(personalAccountWriteResponseSchema, 'PATCH', itemPath(id), { body, version }),
  remove: async (id: string, version: number): Promise<true> => {
    await send('DELETE', itemPath(id), { version });
    return true;
  },
  pin: (id: string, body: z.input<typeof pinPersonalAccountMomentBodySchema>) =>
    requestJson(single(timelineEventSchema), 'POST', `${itemPath(id)}/pins`, { body }),
};

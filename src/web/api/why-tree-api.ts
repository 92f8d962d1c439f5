import type { z } from 'zod';
import { single } from '../../contracts/common.ts';
import {
  type createWhyNodeBodySchema,
  type updateWhyNodeBodySchema,
  whyNodeSchema,
  whyTreeResponseSchema,
} from '../../contracts/why-tree.ts';
import { requestJson, send } from './http.ts';

export type {
  WhyNodeView as WhyNode,
  WhyTreeHintView as WhyTreeHint,
} from '../../contracts/why-tree.ts';
export type WhyTree = z.infer<typeof whyTreeResponseSchema>;
export type CreateWhyNodeBody = z.input<typeof createWhyNodeBodySchema>;
export type UpdateWhyNodeBody = z.input<typeof updateWhyNodeBodySchema>;

const one = single(whyNodeSchema);
const treePath = (postmortemId: string) => `/postmortems/${encodeURIComponent(postmortemId)}`;
const nodePath = (id: string) => `/why-nodes/${encodeURIComponent(id)}`;

/** The why-tree calls: the flat node list with hints, writes under If-Match, the Mermaid text. */
export const whyTreeApi = {
  list: (postmortemId: string) =>
    requestJson(whyTreeResponseSchema, 'GET', `${treePath(postmortemId)}/why-nodes`),
  create: (postmortemId: string, body: CreateWhyNodeBody) =>
    requestJson(one, 'POST', `${treePath(postmortemId)}/why-nodes`, { body }),
  update: (id: string, version: number, body: UpdateWhyNodeBody) =>
    requestJson(one, 'PATCH', nodePath(id), { body, version }),
  remove: async (id: string, version: number): Promise<true> => {
    await send('DELETE', nodePath(id), { version });
    return true;
  },
  mermaid: async (postmortemId: string): Promise<string> =>
    (await send('GET', `${treePath(postmortemId)}/why-tree.mmd`)).text(),
};

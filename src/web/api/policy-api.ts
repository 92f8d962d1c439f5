import { z } from 'zod';
import { requestJson } from './http.ts';

/** The parts of the policy the web app reads (the contracts have no response schema for it). */
const policyResponseSchema = z.object({
  data: z.object({
    factorTaxonomy: z.array(
      z.object({ key: z.string(), label: z.string(), description: z.string().optional() }),
    ),
    reportSections: z.array(
      z.object({ key: z.string(), label: z.string(), required: z.boolean() }),
    ),
  }),
});

export type PolicyView = z.infer<typeof policyResponseSchema>['data'];

/** The organisation's postmortem policy. */
export const policyApi = {
  get: async (): Promise<PolicyView> =>
    (await requestJson(policyResponseSchema, 'GET', '/policy')).data,
};

import { z } from 'zod';
import { policySchema } from '../../contracts/policy.ts';
import { requestJson } from './http.ts';

const policyResponseSchema = z.object({ data: policySchema });

export type PolicyView = z.infer<typeof policySchema>;

/** The organisation's postmortem policy. */
export const policyApi = {
  get: async (): Promise<PolicyView> =>
    (await requestJson(policyResponseSchema, 'GET', '/policy')).data,
};

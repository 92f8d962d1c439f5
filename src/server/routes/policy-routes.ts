import { z } from 'zod';
import { policySchema } from '../../contracts/policy.ts';
import type { RouteContext } from './route-context.ts';

/** The effective policy: taxonomy, report sections, deadlines, required approvals. */
export function registerPolicyRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/policy',
    { schema: { tags: ['policy'], response: { 200: z.object({ data: policySchema }) } } },
    async () => ({ data: deps.policy }),
  );
}

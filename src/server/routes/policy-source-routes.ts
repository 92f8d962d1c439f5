import { policySourceSchema } from '../../contracts/policy-source.ts';
import { can } from '../../domain/authorization.ts';
import { DomainError } from '../../domain/errors.ts';
import { requireActor } from '../authenticate.ts';
import type { RouteContext } from './route-context.ts';

/** Where the effective policy came from (admins: it names a file on the server). */
export function registerPolicySourceRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/policy/source',
    { schema: { tags: ['policy'], response: { 200: policySourceSchema } } },
    async (request) => {
      if (!can(requireActor(request), 'user.manage')) {
        throw new DomainError('FORBIDDEN', 'Only admins see where the policy comes from.');
      }
      return { data: deps.policySource ?? { file: null, via: null, keysFromFile: [] } };
    },
  );
}

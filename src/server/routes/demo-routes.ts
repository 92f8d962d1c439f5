import { z } from 'zod';
import { loadDemo } from '../../app/demo/load-demo.ts';
import { can } from '../../domain/authorization.ts';
import { DomainError } from '../../domain/errors.ts';
import { requireActor } from '../authenticate.ts';
import type { RouteContext } from './route-context.ts';

/** Loads the demo incident and postmortem from the web app (admins only). */
export function registerDemoRoutes({ app, deps }: RouteContext): void {
  app.post(
    '/api/v1/demo-data',
    {
      schema: {
        tags: ['demo'],
        response: {
          201: z.object({ data: z.object({ incidentId: z.string(), postmortemId: z.string() }) }),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      if (!can(actor, 'user.manage')) {
        throw new DomainError('FORBIDDEN', 'Only admins load demo data.');
      }
      const { incident, postmortem } = await loadDemo(deps, actor);
      return reply
        .code(201)
        .send({ data: { incidentId: incident.id, postmortemId: postmortem.id } });
    },
  );
}

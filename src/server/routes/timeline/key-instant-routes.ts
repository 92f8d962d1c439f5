import { getIncident } from '../../../app/incidents/read-incidents.ts';
import {
  confirmKeyInstant,
  listKeyInstantProposals,
} from '../../../app/timeline/key-instant-proposals.ts';
import { idParamsSchema, single } from '../../../contracts/common.ts';
import { incidentSchema } from '../../../contracts/incident.ts';
import {
  confirmKeyInstantBodySchema,
  keyInstantProposalsSchema,
} from '../../../contracts/timeline.ts';
import { requireActor } from '../../authenticate.ts';
import { setEtag } from '../../if-match.ts';
import { presentIncident } from '../../presenters/present-incident.ts';
import type { RouteContext } from '../route-context.ts';

/** Key instants proposed from the accepted timeline, and their confirmation by a person. */
export function registerKeyInstantRoutes({ app, deps }: RouteContext): void {
  const tags = ['timeline'];
  app.get(
    '/api/v1/postmortems/:id/key-instant-proposals',
    {
      schema: { tags, params: idParamsSchema, response: { 200: keyInstantProposalsSchema } },
    },
    async (request) => {
      const actor = requireActor(request);
      const result = await listKeyInstantProposals(deps, actor, request.params.id);
      return {
        data: {
          incidentId: result.incidentId,
          proposals: result.proposals.map((p) => ({
            name: p.name,
            proposed: p.proposed ? { ...p.proposed, at: p.proposed.at.toISOString() } : null,
            alternatives: p.alternatives.map((a) => ({ ...a, at: a.at.toISOString() })),
            current: p.current ? { ...p.current, at: p.current.at.toISOString() } : null,
            outOfOrderWith: p.outOfOrderWith,
          })),
        },
        abilities: { confirm: actor.role !== 'viewer' },
      };
    },
  );

  app.post(
    '/api/v1/postmortems/:id/key-instant-proposals/confirm',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: confirmKeyInstantBodySchema,
        response: { 200: single(incidentSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const incident = await confirmKeyInstant(deps, actor, request.params.id, request.body);
      const view = await getIncident(deps, actor, incident.id);
      setEtag(reply, view.incident.version);
      return presentIncident(view, actor, deps.policy);
    },
  );
}

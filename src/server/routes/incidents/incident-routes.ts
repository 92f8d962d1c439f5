import { createIncident } from '../../../app/incidents/create-incident.ts';
import { getIncident, listIncidents } from '../../../app/incidents/read-incidents.ts';
import { updateIncident } from '../../../app/incidents/update-incident.ts';
import { idParamsSchema, paged, single } from '../../../contracts/common.ts';
import {
  createIncidentBodySchema,
  incidentSchema,
  listIncidentsQuerySchema,
  updateIncidentBodySchema,
} from '../../../contracts/incident.ts';
import { requireActor } from '../../authenticate.ts';
import { requireIfMatch, setEtag } from '../../if-match.ts';
import { presentIncident } from '../../presenters/present-incident.ts';
import type { RouteContext } from '../route-context.ts';

/** Incidents: create, list with filters, read, update with If-Match. */
export function registerIncidentRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/incidents',
    {
      schema: {
        tags: ['incidents'],
        querystring: listIncidentsQuerySchema,
        response: { 200: paged(incidentSchema) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const page = await listIncidents(deps, actor, request.query);
      return {
        data: page.items.map((view) => presentIncident(view, actor, deps.policy)),
        page: { nextCursor: page.nextCursor, total: page.total },
      };
    },
  );

  app.post(
    '/api/v1/incidents',
    {
      schema: {
        tags: ['incidents'],
        body: createIncidentBodySchema,
        response: { 201: single(incidentSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const incident = await createIncident(deps, actor, request.body);
      setEtag(reply, incident.version);
      return reply
        .code(201)
        .header('location', `/api/v1/incidents/${incident.id}`)
        .send(presentIncident({ incident, postmortemIds: [] }, actor, deps.policy));
    },
  );

  app.get(
    '/api/v1/incidents/:id',
    {
      schema: {
        tags: ['incidents'],
        params: idParamsSchema,
        response: { 200: single(incidentSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const view = await getIncident(deps, actor, request.params.id);
      setEtag(reply, view.incident.version);
      return presentIncident(view, actor, deps.policy);
    },
  );

  app.patch(
    '/api/v1/incidents/:id',
    {
      schema: {
        tags: ['incidents'],
        params: idParamsSchema,
        body: updateIncidentBodySchema,
        response: { 200: single(incidentSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const version = requireIfMatch(request);
      await updateIncident(deps, actor, request.params.id, version, request.body);
      const view = await getIncident(deps, actor, request.params.id);
      setEtag(reply, view.incident.version);
      return presentIncident(view, actor, deps.policy);
    },
  );
}

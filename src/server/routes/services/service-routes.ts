import { z } from 'zod';
import { importServices } from '../../../app/services/import-services.ts';
import { listServices } from '../../../app/services/list-services.ts';
import { putService } from '../../../app/services/put-service.ts';
import { removeService } from '../../../app/services/remove-service.ts';
import { abilitiesSchema, single } from '../../../contracts/common.ts';
import {
  importServicesBodySchema,
  importServicesResultSchema,
  putServiceBodySchema,
  serviceParamsSchema,
  serviceSchema,
} from '../../../contracts/services.ts';
import { requireActor } from '../../authenticate.ts';
import { requireIfMatch, setEtag } from '../../if-match.ts';
import type { RouteContext } from '../route-context.ts';
import { presentService } from './present-service.ts';

const tags = ['services'];

/** The service catalogue: list, create/replace (If-Match once it exists), remove, import. */
export function registerServiceRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/services',
    {
      schema: {
        tags,
        response: {
          200: z.object({
            data: z.array(single(serviceSchema)),
            abilities: abilitiesSchema,
          }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const services = await listServices(deps);
      const writer = actor.role === 'admin' || actor.role === 'member';
      return {
        data: services.map((service) => presentService(service, actor)),
        abilities: { create: writer, import: writer },
      };
    },
  );

  app.put(
    '/api/v1/services/:name',
    {
      schema: {
        tags,
        params: serviceParamsSchema,
        body: putServiceBodySchema,
        response: { 200: single(serviceSchema), 201: single(serviceSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const expected = request.headers['if-match'] ? requireIfMatch(request) : undefined;
      const { service, created } = await putService(
        deps,
        actor,
        request.params.name,
        request.body,
        expected,
      );
      setEtag(reply, service.version);
      return reply.code(created ? 201 : 200).send(presentService(service, actor));
    },
  );

  app.delete(
    '/api/v1/services/:name',
    { schema: { tags, params: serviceParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await removeService(deps, actor, request.params.name, requireIfMatch(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/services/import',
    {
      schema: {
        tags,
        body: importServicesBodySchema,
        response: { 200: z.object({ data: importServicesResultSchema }) },
      },
    },
    async (request) => {
      const result = await importServices(deps, requireActor(request), request.body);
      return { data: result };
    },
  );
}

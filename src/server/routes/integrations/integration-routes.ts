import { z } from 'zod';
import {
  createIntegration,
  listIntegrations,
  revokeIntegration,
} from '../../../app/integrations/manage-integrations.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import {
  createdIntegrationSchema,
  createIntegrationBodySchema,
  integrationSchema,
} from '../../../contracts/integrations.ts';
import { requireActor } from '../../authenticate.ts';
import { presentIntegration } from '../../presenters/present-integration.ts';
import type { RouteContext } from '../route-context.ts';

/** A bearer token manages webhook senders only with the `webhook` scope, whatever the method. */
const config = { tokenScope: 'webhook' } as const;

/** Admin API of webhook integrations: create (URL token shown once), list, revoke. */
export function registerIntegrationRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/integrations',
    {
      config,
      schema: {
        tags: ['integrations'],
        response: { 200: z.object({ data: z.array(integrationSchema) }) },
      },
    },
    async (request) => ({
      data: (await listIntegrations(deps, requireActor(request))).map(presentIntegration),
    }),
  );

  app.post(
    '/api/v1/integrations',
    {
      config,
      schema: {
        tags: ['integrations'],
        body: createIntegrationBodySchema,
        response: { 201: z.object({ data: createdIntegrationSchema }) },
      },
    },
    async (request, reply) => {
      const created = await createIntegration(deps, requireActor(request), request.body);
      return reply.code(201).send({
        data: {
          ...presentIntegration(created),
          token: created.token,
          webhookPath: `/api/v1/webhooks/${created.kind}/${created.token}`,
        },
      });
    },
  );

  app.delete(
    '/api/v1/integrations/:id',
    {
      config,
      schema: { tags: ['integrations'], params: idParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await revokeIntegration(deps, requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}

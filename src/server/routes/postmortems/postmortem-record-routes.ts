import { z } from 'zod';
import {
  listBlamelessFindings,
  waiveBlamelessFinding,
} from '../../../app/postmortems/blameless-findings.ts';
import { listAuditEvents } from '../../../app/postmortems/list-audit-events.ts';
import { idParamsSchema, pageInfoSchema, pageQuerySchema } from '../../../contracts/common.ts';
import {
  auditEventSchema,
  blamelessContextSchema,
  blamelessFindingSchema,
  waiveFindingBodySchema,
} from '../../../contracts/postmortem-parts.ts';
import { requireActor } from '../../authenticate.ts';
import type { RouteContext } from '../route-context.ts';

/** The audit trail and the blameless-language findings (with waivers) of a postmortem. */
export function registerPostmortemRecordRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/postmortems/:id/audit-events',
    {
      schema: {
        tags: ['postmortems'],
        params: idParamsSchema,
        querystring: pageQuerySchema,
        response: {
          200: z.object({
            data: z.array(auditEventSchema),
            page: pageInfoSchema.omit({ total: true }),
          }),
        },
      },
    },
    async (request) => {
      const page = await listAuditEvents(
        deps,
        requireActor(request),
        request.params.id,
        request.query,
      );
      return {
        data: page.items.map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() })),
        page: { nextCursor: page.nextCursor },
      };
    },
  );

  app.get(
    '/api/v1/postmortems/:id/blameless-findings',
    {
      schema: {
        tags: ['postmortems'],
        params: idParamsSchema,
        response: {
          200: z.object({
            data: z.array(blamelessFindingSchema),
            context: blamelessContextSchema,
          }),
        },
      },
    },
    async (request) => {
      const { findings, context } = await listBlamelessFindings(
        deps,
        requireActor(request),
        request.params.id,
      );
      return {
        context,
        data: findings.map((f) => ({
          ...f,
          waiver: f.waiver ? { ...f.waiver, createdAt: f.waiver.createdAt.toISOString() } : null,
        })),
      };
    },
  );

  app.post(
    '/api/v1/postmortems/:id/blameless-waivers',
    {
      schema: {
        tags: ['postmortems'],
        params: idParamsSchema,
        body: waiveFindingBodySchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await waiveBlamelessFinding(deps, requireActor(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
}

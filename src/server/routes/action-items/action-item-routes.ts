import { z } from 'zod';
import { getActionItemHistory } from '../../../app/parts/action-item-history.ts';
import { listPostmortemCauses } from '../../../app/parts/list-causes.ts';
import { promoteActionItemIdea } from '../../../app/parts/promote-action-item-idea.ts';
import { verifyActionItem } from '../../../app/parts/verify-action-item.ts';
import { causeSchema, verifyActionItemBodySchema } from '../../../contracts/action-items.ts';
import { idParamsSchema, single } from '../../../contracts/common.ts';
import { actionItemSchema, auditEventSchema } from '../../../contracts/postmortem-parts.ts';
import { requireActor } from '../../authenticate.ts';
import { requireIfMatch, setEtag } from '../../if-match.ts';
import { presentPart } from '../../presenters/present-parts.ts';
import type { RouteContext } from '../route-context.ts';

const tags = ['action-items'];

/** Versions named by an optional `If-Match`; without one the step acts on the current version. */
const optionalIfMatch = (request: Parameters<typeof requireIfMatch>[0]) =>
  request.headers['if-match'] === undefined ? undefined : requireIfMatch(request);

/** Follow-through steps of one action item: verification, promotion of an idea, history; and the review's causes. */
export function registerActionItemRoutes({ app, deps }: RouteContext): void {
  app.post(
    '/api/v1/action-items/:id/verification',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: verifyActionItemBodySchema,
        response: { 200: single(actionItemSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const item = await verifyActionItem(deps, actor, request.params.id, {
        ...request.body,
        expectedVersion: optionalIfMatch(request),
      });
      setEtag(reply, item.version);
      return presentPart(item, true, actor);
    },
  );

  app.post(
    '/api/v1/action-items/:id/promotion',
    { schema: { tags, params: idParamsSchema, response: { 200: single(actionItemSchema) } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const item = await promoteActionItemIdea(
        deps,
        actor,
        request.params.id,
        requireIfMatch(request),
      );
      setEtag(reply, item.version);
      return presentPart(item, true, actor);
    },
  );

  app.get(
    '/api/v1/action-items/:id/history',
    {
      schema: {
        tags,
        params: idParamsSchema,
        response: { 200: z.object({ data: z.array(auditEventSchema) }) },
      },
    },
    async (request) => {
      const events = await getActionItemHistory(deps, requireActor(request), request.params.id);
      return { data: events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })) };
    },
  );

  app.get(
    '/api/v1/postmortems/:id/causes',
    {
      schema: {
        tags: ['postmortems'],
        params: idParamsSchema,
        response: { 200: z.object({ data: z.array(causeSchema) }) },
      },
    },
    async (request) => ({
      data: await listPostmortemCauses(deps, requireActor(request), request.params.id),
    }),
  );
}

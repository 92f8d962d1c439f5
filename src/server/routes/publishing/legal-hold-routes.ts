import { z } from 'zod';
import { deletePostmortem } from '../../../app/publishing/delete-postmortem.ts';
import {
  getLegalHold,
  type LegalHoldState,
  liftLegalHold,
  placeLegalHold,
} from '../../../app/publishing/legal-hold.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import { legalHoldReasonSchema, legalHoldSchema } from '../../../contracts/publishing.ts';
import { requireActor } from '../../authenticate.ts';
import { requireIfMatch } from '../../if-match.ts';
import type { RouteContext } from '../route-context.ts';

const present = (state: LegalHoldState) => ({
  data: {
    hold: state.hold
      ? {
          reason: state.hold.reason,
          placedAt: state.hold.placedAt.toISOString(),
          placedById: state.hold.placedById,
        }
      : null,
    keptRevisions: state.keptRevisions,
  },
});

/** Legal holds (the modified process places one at opening; admins place and lift by hand) and deletion. */
export function registerLegalHoldRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/postmortems/:id/legal-hold',
    {
      schema: {
        tags: ['publishing'],
        params: idParamsSchema,
        response: { 200: z.object({ data: legalHoldSchema }) },
      },
    },
    async (request) => present(await getLegalHold(deps, requireActor(request), request.params.id)),
  );

  app.put(
    '/api/v1/postmortems/:id/legal-hold',
    {
      schema: {
        tags: ['publishing'],
        description: 'Places a legal hold (admins): no deletion, every revision kept.',
        params: idParamsSchema,
        body: legalHoldReasonSchema,
        response: { 200: z.object({ data: legalHoldSchema }) },
      },
    },
    async (request) =>
      present(
        await placeLegalHold(deps, requireActor(request), request.params.id, request.body.reason),
      ),
  );

  app.delete(
    '/api/v1/postmortems/:id/legal-hold',
    {
      schema: {
        tags: ['publishing'],
        description: 'Lifts a legal hold (admins), with the reason; kept revisions stay.',
        params: idParamsSchema,
        querystring: legalHoldReasonSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await liftLegalHold(deps, requireActor(request), request.params.id, request.query.reason);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/v1/postmortems/:id',
    {
      schema: {
        tags: ['postmortems'],
        description:
          'Deletes a postmortem and all it owns (admins, If-Match). 409 LEGAL_HOLD while it is on legal hold.',
        params: idParamsSchema,
        response: { 204: z.null(), 409: z.unknown() },
      },
    },
    async (request, reply) => {
      await deletePostmortem(
        deps,
        requireActor(request),
        request.params.id,
        requireIfMatch(request),
      );
      return reply.code(204).send(null);
    },
  );
}

import { z } from 'zod';
import { decideReview } from '../../../app/reviews/decide-review.ts';
import { listReviews } from '../../../app/reviews/list-reviews.ts';
import { requestReview } from '../../../app/reviews/request-review.ts';
import { withdrawReview } from '../../../app/reviews/withdraw-review.ts';
import { idParamsSchema, single } from '../../../contracts/common.ts';
import {
  decideReviewBodySchema,
  requestReviewBodySchema,
  reviewListSchema,
  reviewRequestSchema,
} from '../../../contracts/reviews.ts';
import { requireActor } from '../../authenticate.ts';
import { requireIfMatch, setEtag } from '../../if-match.ts';
import { presentReviewRequest } from '../../presenters/present-review-request.ts';
import type { RouteContext } from '../route-context.ts';

const tags = ['reviews'];

/**
 * Requested reviews: ask a person or a team, answer (approve or ask for changes, with a
 * comment), withdraw; the list says who is still pending.
 */
export function registerReviewRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/postmortems/:id/reviews',
    { schema: { tags, params: idParamsSchema, response: { 200: reviewListSchema } } },
    async (request) => {
      const overview = await listReviews(deps, requireActor(request), request.params.id);
      return {
        data: overview.requests.map(({ request: r, abilities }) => ({
          data: presentReviewRequest(r),
          abilities,
        })),
        summary: {
          required: overview.required,
          approvals: overview.approvals,
          pending: overview.pending.map((r) => ({ id: r.id, label: r.label, status: r.status })),
          teams: overview.teams,
        },
        abilities: overview.abilities,
      };
    },
  );

  app.post(
    '/api/v1/postmortems/:id/reviews',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: requestReviewBodySchema,
        response: { 201: single(reviewRequestSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const created = await requestReview(deps, actor, request.params.id, request.body);
      const [labelled] = (await listReviews(deps, actor, request.params.id)).requests.filter(
        (r) => r.request.id === created.id,
      );
      setEtag(reply, created.version);
      return reply.code(201).send({
        data: presentReviewRequest(
          labelled?.request ?? { ...created, label: '', decidedByName: null },
        ),
        abilities: labelled?.abilities ?? {},
      });
    },
  );

  app.post(
    '/api/v1/reviews/:id/decision',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: decideReviewBodySchema,
        response: { 200: single(reviewRequestSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const saved = await decideReview(
        deps,
        actor,
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      const [labelled] = (await listReviews(deps, actor, saved.postmortemId)).requests.filter(
        (r) => r.request.id === saved.id,
      );
      setEtag(reply, saved.version);
      return {
        data: presentReviewRequest(
          labelled?.request ?? { ...saved, label: '', decidedByName: null },
        ),
        abilities: labelled?.abilities ?? {},
      };
    },
  );

  app.delete(
    '/api/v1/reviews/:id',
    { schema: { tags, params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await withdrawReview(deps, requireActor(request), request.params.id, requireIfMatch(request));
      return reply.code(204).send(null);
    },
  );
}

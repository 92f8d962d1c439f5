import { z } from 'zod';
import {
  listClockSkews,
  putClockSkew,
  removeClockSkew,
} from '../../../app/timeline/clock-skews.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import {
  clockSkewParamsSchema,
  clockSkewSchema,
  putClockSkewBodySchema,
} from '../../../contracts/timeline.ts';
import type { SourceClockSkew } from '../../../storage/repositories/clock-skews-repository.ts';
import { requireActor } from '../../authenticate.ts';
import { requireIfMatch, setEtag } from '../../if-match.ts';
import type { RouteContext } from '../route-context.ts';

const present = (skew: SourceClockSkew) =>
  ({
    source: skew.source,
    offsetMs: skew.offsetMs,
    reason: skew.reason,
    version: skew.version,
  }) as z.infer<typeof clockSkewSchema>;

/** Per-source clock skews: shown with the events, never applied to stored instants. */
export function registerClockSkewRoutes({ app, deps }: RouteContext): void {
  const tags = ['timeline'];
  app.get(
    '/api/v1/postmortems/:id/clock-skews',
    {
      schema: {
        tags,
        params: idParamsSchema,
        response: { 200: z.object({ data: z.array(clockSkewSchema) }) },
      },
    },
    async (request) => ({
      data: (await listClockSkews(deps, requireActor(request), request.params.id)).map(present),
    }),
  );

  app.put(
    '/api/v1/postmortems/:id/clock-skews/:source',
    {
      schema: {
        tags,
        params: clockSkewParamsSchema,
        body: putClockSkewBodySchema,
        response: {
          200: z.object({ data: clockSkewSchema }),
          201: z.object({ data: clockSkewSchema }),
        },
      },
    },
    async (request, reply) => {
      const ifMatch = request.headers['if-match'] ? requireIfMatch(request) : undefined;
      const { skew, created } = await putClockSkew(
        deps,
        requireActor(request),
        request.params.id,
        request.params.source,
        request.body,
        ifMatch,
      );
      setEtag(reply, skew.version);
      return reply.code(created ? 201 : 200).send({ data: present(skew) });
    },
  );

  app.delete(
    '/api/v1/postmortems/:id/clock-skews/:source',
    { schema: { tags, params: clockSkewParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeClockSkew(
        deps,
        requireActor(request),
        request.params.id,
        request.params.source,
        requireIfMatch(request),
      );
      return reply.code(204).send(null);
    },
  );
}

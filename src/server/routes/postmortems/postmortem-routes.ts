import { z } from 'zod';
import { changePostmortemPhase } from '../../../app/postmortems/change-postmortem-phase.ts';
import { openPostmortem } from '../../../app/postmortems/open-postmortem.ts';
import {
  getPostmortem,
  listPostmortems,
  readPostmortem,
} from '../../../app/postmortems/read-postmortems.ts';
import { updatePostmortem } from '../../../app/postmortems/update-postmortem.ts';
import { idParamsSchema, paged, single } from '../../../contracts/common.ts';
import {
  createPostmortemBodySchema,
  getPostmortemQuerySchema,
  listPostmortemsQuerySchema,
  postmortemSchema,
  postmortemSummarySchema,
  transitionBodySchema,
  updatePostmortemBodySchema,
} from '../../../contracts/postmortem.ts';
import { requireActor } from '../../authenticate.ts';
import { requireIfMatch, setEtag } from '../../if-match.ts';
import {
  postmortemAbilities,
  presentPostmortem,
  presentPostmortemSummary,
  renderPostmortemData,
} from '../../presenters/present-postmortem.ts';
import type { RouteContext } from '../route-context.ts';

const dataOpening = Buffer.from('{"data":');

/** Postmortems: open, list, read (with next-phase conditions), edit, change phase. */
export function registerPostmortemRoutes({ app, deps, readCache }: RouteContext): void {
  const present = async (actorId: Parameters<typeof getPostmortem>[1], id: string) =>
    presentPostmortem(await getPostmortem(deps, actorId, id), actorId);

  app.get(
    '/api/v1/postmortems',
    {
      schema: {
        tags: ['postmortems'],
        querystring: listPostmortemsQuerySchema,
        response: { 200: paged(postmortemSummarySchema) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const page = await listPostmortems(deps, actor, request.query);
      return {
        data: page.items.map((item) => presentPostmortemSummary(item, actor)),
        page: { nextCursor: page.nextCursor, total: page.total },
      };
    },
  );

  app.post(
    '/api/v1/postmortems',
    {
      schema: {
        tags: ['postmortems'],
        description:
          'Opens a postmortem for one incident, or a thematic one for several. Restricted (from the start, admins only, or because an incident it reviews is) it is seen by its members: the opener always among them, even when `memberIds` leaves them out; the answer lists them all.',
        body: createPostmortemBodySchema,
        response: { 201: single(postmortemSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const postmortem = await openPostmortem(deps, actor, request.body);
      const body = await present(actor, postmortem.id);
      setEtag(reply, body.data.version);
      return reply.code(201).header('location', `/api/v1/postmortems/${postmortem.id}`).send(body);
    },
  );

  app.get(
    '/api/v1/postmortems/:id',
    {
      schema: {
        tags: ['postmortems'],
        description:
          'The postmortem with its next-phase conditions and deadlines; `include=timeline` adds the whole timeline.',
        params: idParamsSchema,
        querystring: getPostmortemQuerySchema,
        response: { 200: single(postmortemSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { postmortem, rendered } = await readPostmortem(deps, actor, request.params.id, {
        includeTimeline: request.query.include === 'timeline',
        render: renderPostmortemData,
        cache: readCache,
      });
      setEtag(reply, postmortem.version);
      // The data part is cached as rendered JSON; only the viewer's abilities are added per
      // request. The body is the declared response schema, already serialized to UTF-8.
      const abilities = JSON.stringify(postmortemAbilities(postmortem, actor));
      const body = Buffer.concat([
        dataOpening,
        rendered,
        Buffer.from(`,"abilities":${abilities}}`),
      ]);
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );

  app.patch(
    '/api/v1/postmortems/:id',
    {
      schema: {
        tags: ['postmortems'],
        params: idParamsSchema,
        body: updatePostmortemBodySchema,
        response: { 200: single(postmortemSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await updatePostmortem(deps, actor, request.params.id, requireIfMatch(request), request.body);
      const body = await present(actor, request.params.id);
      setEtag(reply, body.data.version);
      return body;
    },
  );

  app.post(
    '/api/v1/postmortems/:id/transitions',
    {
      schema: {
        tags: ['postmortems'],
        description:
          'Moves the postmortem to another phase. Refused with 409 TRANSITION_REFUSED listing every unmet condition in details.unmet.',
        params: idParamsSchema,
        body: transitionBodySchema,
        response: { 200: single(postmortemSchema), 409: z.unknown() },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await changePostmortemPhase(
        deps,
        actor,
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      const body = await present(actor, request.params.id);
      setEtag(reply, body.data.version);
      return body;
    },
  );
}

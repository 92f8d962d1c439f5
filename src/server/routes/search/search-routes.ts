import { z } from 'zod';
import {
  changeSavedView,
  createSavedView,
  deleteSavedView,
  listSavedViews,
} from '../../../app/search/saved-views.ts';
import { searchPostmortems } from '../../../app/search/search-postmortems.ts';
import { abilitiesSchema, idParamsSchema, single } from '../../../contracts/common.ts';
import {
  changeSavedViewSchema,
  createSavedViewSchema,
  savedViewSchema,
  searchQuerySchema,
  searchResponseSchema,
} from '../../../contracts/search.ts';
import { actingAs } from '../../acting-as.ts';
import { requireActor } from '../../authenticate.ts';
import { requireIfMatch, setEtag } from '../../if-match.ts';
import { presentSavedView, presentSearchHit } from '../../presenters/present-search.ts';
import type { RouteContext } from '../route-context.ts';

const tags = ['search'];

/** Full-text search across postmortems, and saved search views. */
export function registerSearchRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/search',
    {
      schema: { tags, querystring: searchQuerySchema, response: { 200: searchResponseSchema } },
      // A search's statement takes far longer than the session's lookup: the two run side by
      // side, and the answer waits for both.
      config: { authenticateAlongside: true },
    },
    async (request) => {
      const { q, view, limit, offset, ...filters } = request.query;
      const result = await actingAs(request, (actor) =>
        searchPostmortems(deps, actor, { ...filters, q, viewId: view, limit, offset }),
      );
      return {
        data: result.hits.map(presentSearchHit),
        page: { total: result.total, offset, limit },
        applied: result.applied,
      };
    },
  );

  app.get(
    '/api/v1/search/views',
    {
      schema: {
        tags,
        response: {
          200: z.object({
            data: z.array(z.object({ data: savedViewSchema, abilities: abilitiesSchema })),
          }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const views = await listSavedViews(deps, actor);
      return { data: views.map((view) => presentSavedView(view, actor.id)) };
    },
  );

  app.post(
    '/api/v1/search/views',
    { schema: { tags, body: createSavedViewSchema, response: { 201: single(savedViewSchema) } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const view = await createSavedView(deps, actor, request.body);
      setEtag(reply, view.version);
      return reply.code(201).send(presentSavedView(view, actor.id));
    },
  );

  app.patch(
    '/api/v1/search/views/:id',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: changeSavedViewSchema,
        response: { 200: single(savedViewSchema) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const view = await changeSavedView(
        deps,
        actor,
        request.params.id,
        request.body,
        requireIfMatch(request),
      );
      setEtag(reply, view.version);
      return presentSavedView(view, actor.id);
    },
  );

  app.delete(
    '/api/v1/search/views/:id',
    { schema: { tags, params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteSavedView(
        deps,
        requireActor(request),
        request.params.id,
        requireIfMatch(request),
      );
      return reply.code(204).send(null);
    },
  );
}

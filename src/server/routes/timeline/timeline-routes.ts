import { z } from 'zod';
import { listTimeline, listTimelineVersions } from '../../../app/timeline/list-timeline.ts';
import { reviewTimelineEvents } from '../../../app/timeline/review-timeline.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import {
  reviewTimelineBodySchema,
  timelinePageSchema,
  timelineQuerySchema,
  timelineVersionsQuerySchema,
  timelineVersionsSchema,
} from '../../../contracts/timeline.ts';
import { requireActor } from '../../authenticate.ts';
import { postmortemAbilities } from '../../presenters/present-postmortem.ts';
import type { RouteContext } from '../route-context.ts';
import { registerClockSkewRoutes } from './clock-skew-routes.ts';
import { registerKeyInstantRoutes } from './key-instant-routes.ts';
import {
  presentTimelineItem,
  presentTimelineSkews,
  timelineItemAbilities,
} from './present-timeline-item.ts';
import { timelineFiltersOf } from './timeline-filters-of.ts';

/** The merged timeline (filters, keyset paging, skews), the bulk review, skews and key instants. */
export function registerTimelineRoutes(context: RouteContext): void {
  const { app, deps } = context;
  const tags = ['timeline'];
  app.get(
    '/api/v1/postmortems/:id/timeline',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: timelineQuerySchema,
        response: { 200: timelinePageSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const page = await listTimeline(deps, actor, request.params.id, timelineFiltersOf(q), {
        ...(q.cursor ? { cursor: q.cursor } : {}),
        limit: q.limit,
      });
      const { update } = postmortemAbilities(page.postmortem, actor);
      const skews = presentTimelineSkews(page.skews);
      return {
        data: page.items.map((event) => presentTimelineItem(event, update, actor, skews)),
        page: { nextCursor: page.nextCursor, total: page.total },
        skews,
      };
    },
  );

  app.get(
    '/api/v1/postmortems/:id/timeline/versions',
    {
      schema: {
        tags,
        params: idParamsSchema,
        querystring: timelineVersionsQuerySchema,
        response: { 200: timelineVersionsSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const listed = await listTimelineVersions(
        deps,
        actor,
        request.params.id,
        timelineFiltersOf(request.query),
      );
      const { update } = postmortemAbilities(listed.postmortem, actor);
      return {
        data: { ids: listed.ids, versions: listed.versions },
        skews: presentTimelineSkews(listed.skews),
        abilities: timelineItemAbilities(update),
      };
    },
  );

  app.post(
    '/api/v1/postmortems/:id/timeline/review',
    {
      schema: {
        tags,
        params: idParamsSchema,
        body: reviewTimelineBodySchema,
        response: { 200: z.object({ data: z.object({ updated: z.number().int() }) }) },
      },
    },
    async (request) => ({
      data: await reviewTimelineEvents(
        deps,
        requireActor(request),
        request.params.id,
        request.body,
      ),
    }),
  );

  registerClockSkewRoutes(context);
  registerKeyInstantRoutes(context);
}

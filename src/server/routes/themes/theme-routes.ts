import { z } from 'zod';
import { findSimilarPostmortems } from '../../../app/themes/find-similar-postmortems.ts';
import { listThemes } from '../../../app/themes/list-themes.ts';
import { idParamsSchema } from '../../../contracts/common.ts';
import { windowEnd, windowStart } from '../../../contracts/metrics.ts';
import {
  similarPostmortemSchema,
  themeSchema,
  themesQuerySchema,
} from '../../../contracts/themes.ts';
import { requireActor } from '../../authenticate.ts';
import type { RouteContext } from '../route-context.ts';
import { presentTheme } from './present-theme.ts';

const tags = ['themes'];
const similarResponse = { 200: z.object({ data: z.array(similarPostmortemSchema) }) };

/** Themes across incidents and "similar past postmortems", over what the viewer may see. */
export function registerThemeRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/themes',
    {
      schema: {
        tags,
        querystring: themesQuerySchema,
        response: { 200: z.object({ data: z.array(themeSchema) }) },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { since, until } = request.query;
      const themes = await listThemes(deps, actor, {
        since: since ? windowStart(since) : undefined,
        until: until ? windowEnd(until) : undefined,
      });
      return { data: themes.map(presentTheme) };
    },
  );

  app.get(
    '/api/v1/incidents/:id/similar-postmortems',
    { schema: { tags, params: idParamsSchema, response: similarResponse } },
    async (request) => {
      const actor = requireActor(request);
      return {
        data: await findSimilarPostmortems(deps, actor, { incidentId: request.params.id }),
      };
    },
  );

  app.get(
    '/api/v1/postmortems/:id/similar-postmortems',
    { schema: { tags, params: idParamsSchema, response: similarResponse } },
    async (request) => {
      const actor = requireActor(request);
      return {
        data: await findSimilarPostmortems(deps, actor, { postmortemId: request.params.id }),
      };
    },
  );
}

import { z } from 'zod';
import { findAntiPatterns } from '../../../app/anti-patterns/find-anti-patterns.ts';
import {
  summarizeAntiPatterns,
  summaryIncidentsMax,
} from '../../../app/anti-patterns/summarize-anti-patterns.ts';
import {
  antiPatternFindingsResponseSchema,
  antiPatternSummarySchema,
} from '../../../contracts/anti-patterns.ts';
import { idParamsSchema, idSchema } from '../../../contracts/common.ts';
import { requireActor } from '../../authenticate.ts';
import { presentAntiPatternFinding } from '../../presenters/present-anti-patterns.ts';
import type { RouteContext } from '../route-context.ts';

const summaryQuerySchema = z.object({
  /** Comma-separated incident ids (one page of the incident list). */
  incidentIds: z
    .string()
    .max(40 * summaryIncidentsMax)
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(idSchema).max(summaryIncidentsMax)),
});

/** Anti-pattern findings of a postmortem, and cheap summaries for the incident list. */
export function registerAntiPatternRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/postmortems/:id/anti-pattern-findings',
    {
      schema: {
        tags: ['postmortems'],
        params: idParamsSchema,
        response: { 200: antiPatternFindingsResponseSchema },
      },
    },
    async (request) => {
      const findings = await findAntiPatterns(deps, requireActor(request), request.params.id);
      return { data: findings.map(presentAntiPatternFinding) };
    },
  );

  app.get(
    '/api/v1/anti-pattern-summaries',
    {
      schema: {
        tags: ['incidents'],
        querystring: summaryQuerySchema,
        response: { 200: z.object({ data: z.record(z.string(), antiPatternSummarySchema) }) },
      },
    },
    async (request) => {
      const summaries = await summarizeAntiPatterns(
        deps,
        requireActor(request),
        request.query.incidentIds,
      );
      return { data: Object.fromEntries(summaries) };
    },
  );
}

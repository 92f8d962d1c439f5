import { z } from 'zod';
import {
  antiPatternFindingsResponseSchema,
  antiPatternSummarySchema,
} from '../../contracts/anti-patterns.ts';
import { requestJson } from './http.ts';

export type {
  AntiPatternFindingDto as AntiPatternFinding,
  AntiPatternSummaryDto as AntiPatternSummary,
} from '../../contracts/anti-patterns.ts';

const summariesSchema = z.object({ data: z.record(z.string(), antiPatternSummarySchema) });

/** Anti-pattern findings of a postmortem, and per-incident summaries for the incident list. */
export const antiPatternsApi = {
  list: (postmortemId: string) =>
    requestJson(
      antiPatternFindingsResponseSchema,
      'GET',
      `/postmortems/${encodeURIComponent(postmortemId)}/anti-pattern-findings`,
    ),
  summaries: (incidentIds: readonly string[]) =>
    requestJson(summariesSchema, 'GET', '/anti-pattern-summaries', {
      query: { incidentIds: incidentIds.join(',') },
    }),
};

import { z } from 'zod';
import { incidentMetricsSchema, learningMetricsSchema } from '../../contracts/metrics.ts';
import { similarPostmortemSchema, themeSchema } from '../../contracts/themes.ts';
import type { MetricDimension } from '../../domain/incident-measures.ts';
import { requestJson } from './http.ts';

export type IncidentMetrics = z.infer<typeof incidentMetricsSchema>;
export type LearningMetrics = z.infer<typeof learningMetricsSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type SimilarPostmortem = z.infer<typeof similarPostmortemSchema>;

const themesSchema = z.object({ data: z.array(themeSchema) });
const similarSchema = z.object({ data: z.array(similarPostmortemSchema) });

/** Learning across incidents: duration distributions, themes, similar past reviews. */
export const insightsApi = {
  metrics: (query: { by?: MetricDimension; since?: string; until?: string }) =>
    requestJson(incidentMetricsSchema, 'GET', '/metrics/incidents', { query }),
  followThrough: () => requestJson(learningMetricsSchema, 'GET', '/metrics/follow-through'),
  themes: () => requestJson(themesSchema, 'GET', '/themes'),
  similarToIncident: (id: string) =>
    requestJson(similarSchema, 'GET', `/incidents/${id}/similar-postmortems`),
  similarToPostmortem: (id: string) =>
    requestJson(similarSchema, 'GET', `/postmortems/${id}/similar-postmortems`),
};

import { readLearningMetrics } from '../../../app/metrics/read-follow-through.ts';
import { readIncidentMetrics } from '../../../app/metrics/read-incident-metrics.ts';
import {
  incidentMetricsQuerySchema,
  incidentMetricsSchema,
  learningMetricsSchema,
} from '../../../contracts/metrics.ts';
import { histogramBoundsSeconds } from '../../../domain/incident-measures.ts';
import { formatRecordNumber } from '../../../domain/record-number.ts';
import { requireActor } from '../../authenticate.ts';
import type { RouteContext } from '../route-context.ts';
import { presentIncidentMetrics } from './present-incident-metrics.ts';

const tags = ['metrics'];

/** Learning across incidents: duration distributions over what the viewer may see. */
export function registerMetricRoutes({ app, deps }: RouteContext): void {
  app.get(
    '/api/v1/metrics/incidents',
    {
      schema: {
        tags,
        querystring: incidentMetricsQuerySchema,
        response: { 200: incidentMetricsSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const metrics = await readIncidentMetrics(deps, actor, request.query);
      return presentIncidentMetrics(metrics, histogramBoundsSeconds);
    },
  );

  app.get(
    '/api/v1/metrics/follow-through',
    { schema: { tags, response: { 200: learningMetricsSchema } } },
    async (request) => {
      const metrics = await readLearningMetrics(deps, requireActor(request));
      return {
        ...metrics,
        recurrences: metrics.recurrences.map((recurrence) => ({
          ...recurrence,
          incidents: recurrence.incidents.map((incident) => ({
            ...incident,
            number: formatRecordNumber(incident.number),
          })),
        })),
      };
    },
  );
}

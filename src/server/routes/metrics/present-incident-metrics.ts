import type { IncidentMetrics } from '../../../app/metrics/read-incident-metrics.ts';
import type { IncidentMetricsDto } from '../../../contracts/metrics.ts';

/** Incident metrics for the API and the CLI's `--json`: instants as ISO text. */
export function presentIncidentMetrics(
  metrics: IncidentMetrics,
  bounds: readonly number[],
): IncidentMetricsDto {
  return {
    since: metrics.since?.toISOString() ?? null,
    until: metrics.until?.toISOString() ?? null,
    by: metrics.by,
    histogramBoundsSeconds: [...bounds],
    groups: metrics.groups,
  };
}

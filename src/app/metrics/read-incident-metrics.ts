import { type IncidentMetricsQuery, windowEnd, windowStart } from '../../contracts/metrics.ts';
import type { MetricDimension, MetricGroup } from '../../domain/incident-measures.ts';
import type { Actor } from '../../domain/user.ts';
import { incidentMetricsRepository } from '../../storage/repositories/incident-metrics-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/** Incident duration distributions over a window, as the viewer may see them. */
export interface IncidentMetrics {
  since: Date | null;
  until: Date | null;
  by: MetricDimension | null;
  groups: MetricGroup[];
}

/**
 * Durations to detect, acknowledge, mitigate and resolve (and the near-miss measures) as
 * distributions over the incidents the actor may see; restricted ones they may not see never
 * enter the aggregate, so no count or percentile reveals them.
 */
export async function readIncidentMetrics(
  deps: AppDeps,
  actor: Actor,
  query: IncidentMetricsQuery,
): Promise<IncidentMetrics> {
  const since = query.since ? windowStart(query.since) : null;
  const until = query.until ? windowEnd(query.until) : null;
  const by = query.by ?? null;
  const groups = await incidentMetricsRepository.aggregate(
    deps.db,
    actor,
    { since: since ?? undefined, until: until ?? undefined },
    by,
  );
  return { since, until, by, groups };
}

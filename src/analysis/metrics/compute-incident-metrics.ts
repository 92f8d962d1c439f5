import type { Incident } from '../../domain/incident.ts';
import {
  type IncidentMeasureName,
  incidentMeasureNames,
  incidentMeasures,
  type MeasureQuality,
  type MetricDimension,
  type MetricGroup,
  monthOf,
  occurrenceInstants,
} from '../../domain/incident-measures.ts';
import { measureIncident } from './measure-incident.ts';
import { summarizeDurations } from './summarize-durations.ts';

/** What the metrics need of an incident. */
export type MetricIncident = Pick<
  Incident,
  'kind' | 'severity' | 'isDrill' | 'services' | 'instants' | 'createdAt'
>;

/** When the incident happened (see `occurrenceInstants`). */
export function occurredAt(incident: MetricIncident): Date {
  for (const name of occurrenceInstants) {
    const instant = incident.instants[name];
    if (instant) {
      return instant.at;
    }
  }
  return incident.createdAt;
}

/**
 * The group keys of an incident along a dimension; an incident counts once per service, and
 * once per team of its services (`serviceTeams`: service name → owning team).
 */
export function groupKeys(
  incident: MetricIncident,
  by: MetricDimension | null,
  serviceTeams: ReadonlyMap<string, string> = new Map(),
): string[] {
  switch (by) {
    case null:
      return ['all'];
    case 'severity':
      return [incident.severity];
    case 'kind':
      return [incident.kind];
    case 'service':
      return [...new Set(incident.services)];
    case 'team':
      return [...new Set(incident.services.flatMap((service) => serviceTeams.get(service) ?? []))];
    case 'month':
      return [monthOf(occurredAt(incident))];
    default: {
      const unknown: never = by;
      throw new Error(`unknown dimension ${String(unknown)}`);
    }
  }
}

const emptyQualities = (): Record<MeasureQuality, number> => ({
  missing: 0,
  estimated: 0,
  edited: 0,
  exact: 0,
});

interface Accumulator {
  incidents: { recovery: number; near_miss: number };
  seconds: Record<IncidentMeasureName, number[]>;
  qualities: Record<IncidentMeasureName, Record<MeasureQuality, number>>;
}

function newAccumulator(): Accumulator {
  return {
    incidents: { recovery: 0, near_miss: 0 },
    seconds: Object.fromEntries(incidentMeasureNames.map((m) => [m, []])) as unknown as Record<
      IncidentMeasureName,
      number[]
    >,
    qualities: Object.fromEntries(incidentMeasureNames.map((m) => [m, emptyQualities()])) as Record<
      IncidentMeasureName,
      Record<MeasureQuality, number>
    >,
  };
}

/**
 * Distributions of every measure, per group of `by` (or one group `all`), sorted by key.
 * Drills are left out entirely; near misses are measured only by the near-miss measures and
 * every other incident only by the recovery measures. `serviceTeams` (service name → owning
 * team) is only read when grouping by team.
 */
export function computeIncidentMetrics(
  incidents: Iterable<MetricIncident>,
  by: MetricDimension | null,
  serviceTeams: ReadonlyMap<string, string> = new Map(),
): MetricGroup[] {
  const groups = new Map<string, Accumulator>();
  for (const incident of incidents) {
    if (incident.isDrill) {
      continue;
    }
    const population = incident.kind === 'near_miss' ? 'near_miss' : 'recovery';
    const measured = measureIncident(incident.instants);
    for (const key of groupKeys(incident, by, serviceTeams)) {
      let group = groups.get(key);
      if (!group) {
        group = newAccumulator();
        groups.set(key, group);
      }
      group.incidents[population] += 1;
      for (const name of incidentMeasureNames) {
        if (incidentMeasures[name].population !== population) {
          continue;
        }
        const { seconds, quality } = measured[name];
        group.qualities[name][quality] += 1;
        if (seconds !== null) {
          group.seconds[name].push(seconds);
        }
      }
    }
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => ({
      key,
      incidents: group.incidents,
      measures: Object.fromEntries(
        incidentMeasureNames.map((name) => [
          name,
          summarizeDurations(group.seconds[name], group.qualities[name]),
        ]),
      ) as MetricGroup['measures'],
    }));
}

import type { KeyInstantName } from './incident.ts';

/**
 * The durations Debrief measures, each from one named key instant to another. This table is
 * the one definition: the pure analyser and the SQL aggregate are both built from it.
 */
export const incidentMeasures = {
  time_to_detect: { from: 'started_at', to: 'detected_at', population: 'recovery' },
  time_to_acknowledge: { from: 'detected_at', to: 'acknowledged_at', population: 'recovery' },
  time_to_mitigate: { from: 'started_at', to: 'mitigated_at', population: 'recovery' },
  time_to_resolve: { from: 'started_at', to: 'resolved_at', population: 'recovery' },
  near_miss_time_to_detect: { from: 'started_at', to: 'detected_at', population: 'near_miss' },
  near_miss_time_to_block: { from: 'started_at', to: 'mitigated_at', population: 'near_miss' },
} as const satisfies Record<
  string,
  { from: KeyInstantName; to: KeyInstantName; population: MeasurePopulation }
>;

/** Which incidents a measure is taken over: drills never count for either. */
export type MeasurePopulation = 'recovery' | 'near_miss';

export type IncidentMeasureName = keyof typeof incidentMeasures;
export const incidentMeasureNames = Object.keys(incidentMeasures) as IncidentMeasureName[];

/**
 * How far a single duration can be trusted: both instants read from a system (`exact`), typed
 * or changed by a person (`edited`), reconstructed (`estimated`), or not measurable (`missing`:
 * an instant is absent or the two are out of order). Worst first, so a pair takes the worst.
 */
export const measureQualities = ['missing', 'estimated', 'edited', 'exact'] as const;
export type MeasureQuality = (typeof measureQualities)[number];

/** The provenance source a person's entry carries (see the incident contract). */
export const manualInstantSource = 'manual';

/**
 * Dimensions a distribution can be split by. `team` is the owning team of an incident's services
 * in the service catalogue: an incident counts once per team, and not at all when none of its
 * services has a team.
 */
export const metricDimensions = ['severity', 'kind', 'service', 'team', 'month'] as const;
export type MetricDimension = (typeof metricDimensions)[number];

/**
 * Upper bounds (seconds, exclusive) of the histogram bins; one last bin takes the rest. Log-like
 * steps, because incident durations span minutes to days and are heavily skewed.
 */
export const histogramBoundsSeconds = [
  5 * 60,
  15 * 60,
  30 * 60,
  60 * 60,
  2 * 3600,
  4 * 3600,
  8 * 3600,
  24 * 3600,
  3 * 86_400,
] as const;

/**
 * The 1-based rank of the p-th percentile among n sorted values: the nearest-rank (discrete)
 * definition, which is what SQL's `percentile_disc` returns, so both paths agree exactly.
 */
export function nearestRank(p: number, n: number): number {
  return Math.max(1, Math.ceil(p * n));
}

/** A distribution of durations in seconds. The mean is kept only to be shown beside the median. */
export interface DurationDistribution {
  count: number;
  median: number | null;
  p75: number | null;
  p90: number | null;
  max: number | null;
  /** Arithmetic mean in whole seconds; durations are skewed, so never show it alone. */
  mean: number | null;
  /** Counts per bin of `histogramBoundsSeconds` (one more bin than bounds). */
  histogram: number[];
  /** Incidents of the population by quality of this measure; `missing` ones are not counted above. */
  quality: Record<MeasureQuality, number>;
}

/** The distributions of every measure for one group of incidents. */
export interface MetricGroup {
  /** The dimension's value (`sev2`, `checkout`, `2026-11`), or `all`. */
  key: string;
  /** Incidents in the group, drills excluded, per population. */
  incidents: { recovery: number; near_miss: number };
  measures: Record<IncidentMeasureName, DurationDistribution>;
}

/**
 * When an incident happened, for windows and months: its start, else its detection, else when it
 * was recorded. Months are calendar months in UTC.
 */
export const occurrenceInstants = ['started_at', 'detected_at'] as const satisfies KeyInstantName[];

/** The UTC month (`YYYY-MM`) of an instant. */
export function monthOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

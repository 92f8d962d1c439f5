import { z } from 'zod';
import {
  type IncidentMeasureName,
  incidentMeasureNames,
  type MeasureQuality,
  measureQualities,
  metricDimensions,
} from '../domain/incident-measures.ts';
import { instantSchema, isoDateSchema } from './common.ts';

/** Query of `GET /metrics/incidents`. */
export const incidentMetricsQuerySchema = z
  .object({
    /** Incidents that happened on or after this date (or instant). */
    since: z.union([instantSchema, isoDateSchema]).optional(),
    /** Incidents that happened up to and including this date, or before this instant. */
    until: z.union([instantSchema, isoDateSchema]).optional(),
    /** Split the distributions by this dimension; one group `all` when omitted. */
    by: z.enum(metricDimensions).optional(),
  })
  .strict()
  .refine((q) => !q.since || !q.until || windowStart(q.since) < windowEnd(q.until), {
    message: 'since must come before until.',
    path: ['until'],
  });
export type IncidentMetricsQuery = z.infer<typeof incidentMetricsQuerySchema>;

/** The first instant of a window from its `since` (a date means its first moment, UTC). */
export function windowStart(since: string): Date {
  return new Date(since.length === 10 ? `${since}T00:00:00Z` : since);
}

/** The last instant PostgreSQL is sent: the day after 9999-12-31 would be year 10000. */
const lastStorableInstant = Date.parse('9999-12-31T23:59:59.999Z');

/** The exclusive end of a window from its `until` (a date includes the whole day, UTC). */
export function windowEnd(until: string): Date {
  return until.length === 10
    ? new Date(Math.min(windowStart(until).getTime() + 86_400_000, lastStorableInstant))
    : new Date(until);
}

const seconds = z.number().nullable();

/** A distribution of durations in seconds; `mean` is only ever shown beside `median`. */
export const durationDistributionSchema = z.object({
  count: z.number().int(),
  median: seconds,
  p75: seconds,
  p90: seconds,
  max: seconds,
  mean: seconds,
  /** Counts per bin; the bins' upper bounds are `histogramBoundsSeconds` in the response. */
  histogram: z.array(z.number().int()),
  quality: z.object(
    Object.fromEntries(measureQualities.map((q) => [q, z.number().int()])) as Record<
      MeasureQuality,
      z.ZodNumber
    >,
  ),
});

/** One group's distributions for every measure. */
export const metricGroupSchema = z.object({
  key: z.string(),
  incidents: z.object({ recovery: z.number().int(), near_miss: z.number().int() }),
  measures: z.object(
    Object.fromEntries(incidentMeasureNames.map((m) => [m, durationDistributionSchema])) as Record<
      IncidentMeasureName,
      typeof durationDistributionSchema
    >,
  ),
});

/** Response of `GET /metrics/incidents`. */
export const incidentMetricsSchema = z.object({
  since: z.string().nullable(),
  until: z.string().nullable(),
  by: z.enum(metricDimensions).nullable(),
  histogramBoundsSeconds: z.array(z.number()),
  groups: z.array(metricGroupSchema),
});
export type IncidentMetricsDto = z.infer<typeof incidentMetricsSchema>;

/** Response of `GET /metrics/follow-through`. */
export const learningMetricsSchema = z.object({
  followThrough: z.object({
    byMonth: z.array(
      z.object({ month: z.string(), created: z.number().int(), verified: z.number().int() }),
    ),
    /** Seconds from creation to verification. */
    timeToVerify: durationDistributionSchema,
    /** Open items past due; `ageDays` is in days, its histogram is not meaningful. */
    overdue: z.object({ count: z.number().int(), ageDays: durationDistributionSchema }),
    closedPostmortems: z.number().int(),
    closedWithAllVerified: z.number().int(),
  }),
  factorCategories: z.array(
    z.object({ month: z.string(), counts: z.record(z.string(), z.number().int()) }),
  ),
  /**
   * Postmortem cycle time per phase against the policy's due dates: reached on time or late,
   * overdue or pending, and the seconds from resolution to reaching the phase.
   */
  phaseCycleTimes: z.array(
    z.object({
      phase: z.string(),
      due: z.number().int(),
      onTime: z.number().int(),
      late: z.number().int(),
      overdue: z.number().int(),
      pending: z.number().int(),
      timeToReach: durationDistributionSchema,
    }),
  ),
  /** Reviews whose root causes came back on the same services, and whether the fix held. */
  recurrences: z.array(
    z.object({
      postmortemId: z.string(),
      title: z.string(),
      fixHeld: z.boolean(),
      incidents: z.array(
        z.object({
          id: z.string(),
          number: z.string(),
          title: z.string(),
          afterFixesVerified: z.boolean(),
        }),
      ),
    }),
  ),
});
export type LearningMetricsDto = z.infer<typeof learningMetricsSchema>;

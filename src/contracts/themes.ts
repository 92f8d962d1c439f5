import { z } from 'zod';
import { severities } from '../domain/incident.ts';
import { instantSchema, isoDateSchema } from './common.ts';
import { windowEnd, windowStart } from './metrics.ts';

/** Query of `GET /themes`: the window to look in (default: the last 90 days). */
export const themesQuerySchema = z
  .object({
    since: z.union([instantSchema, isoDateSchema]).optional(),
    until: z.union([instantSchema, isoDateSchema]).optional(),
  })
  .strict()
  .refine((q) => !q.since || !q.until || windowStart(q.since) < windowEnd(q.until), {
    message: 'since must come before until.',
    path: ['until'],
  });
export type ThemesQuery = z.infer<typeof themesQuerySchema>;

/** One theme: related incidents, their aggregate impact and the thematic review it suggests. */
export const themeSchema = z.object({
  /** The words the incidents share most (stemmed). */
  terms: z.array(z.string()),
  count: z.number().int(),
  totalDurationSeconds: z.number(),
  withoutPostmortem: z.number().int(),
  services: z.array(z.string()),
  factorCategories: z.array(z.string()),
  severities: z.record(z.string(), z.number().int()),
  from: z.string(),
  to: z.string(),
  incidents: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      severity: z.enum(severities),
      occurredAt: z.string(),
      postmortemIds: z.array(z.string()),
    }),
  ),
  /** The policy's recurring-minor-issue trigger, when it holds: a thematic postmortem is required. */
  recurringMinorIssue: z
    .object({
      incidentIds: z.array(z.string()),
      dueOn: z.record(z.string(), z.string()),
    })
    .nullable(),
  /** Body for `POST /postmortems` that opens the suggested thematic review. */
  suggestedPostmortem: z.object({ incidentIds: z.array(z.string()), title: z.string() }),
});
export type ThemeDto = z.infer<typeof themeSchema>;

/** A past postmortem similar to an incident or another postmortem. */
export const similarPostmortemSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** 0–1: words, services and factor categories in common. */
  score: z.number(),
  incidentNumbers: z.array(z.string()),
});

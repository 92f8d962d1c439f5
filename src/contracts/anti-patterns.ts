import { z } from 'zod';

const severity = z.enum(['error', 'warning', 'info']);

/** One anti-pattern finding of a postmortem. */
export const antiPatternFindingSchema = z.object({
  /** Stable rule id, e.g. `circular-remediation`. */
  rule: z.string(),
  /** The anti-pattern the rule belongs to, e.g. `write_only_report`. */
  antiPattern: z.string(),
  severity,
  message: z.string(),
  /** What the finding is about; the UI links action items to their row. */
  target: z.object({ type: z.enum(['action_item', 'postmortem']), id: z.string() }),
  suggestion: z.string().nullable(),
});
export type AntiPatternFindingDto = z.infer<typeof antiPatternFindingSchema>;

/** Response of `GET /postmortems/{id}/anti-pattern-findings`. */
export const antiPatternFindingsResponseSchema = z.object({
  data: z.array(antiPatternFindingSchema),
});

/** A summary of findings: how many, and the most serious severity (`null` when none). */
export const antiPatternSummarySchema = z.object({
  count: z.number().int(),
  worst: severity.nullable(),
});
export type AntiPatternSummaryDto = z.infer<typeof antiPatternSummarySchema>;

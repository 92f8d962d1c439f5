import { z } from 'zod';
import { causeOrigins } from '../domain/causes.ts';
import { limits } from './limits.ts';

/** Evidence that a done fix works; the item moves to `verified`. */
export const verifyActionItemBodySchema = z
  .object({
    /** A link to the proof: a merged change, a tracker issue, a runbook, an alert that fired, a game-day note. */
    evidence: z.url({ protocol: /^https?$/ }).max(2000),
    /** What the verifier checked, in their words. */
    note: z.string().trim().max(limits.longTextMax).nullable().default(null),
  })
  .strict();

/** One cause of a review, whichever list it was named in, with the items addressing it. */
export const causeSchema = z.object({
  id: z.string(),
  origin: z.enum(causeOrigins),
  text: z.string(),
  category: z.string().nullable(),
  isRootCause: z.boolean(),
  acceptedRiskReason: z.string().nullable(),
  actionItemIds: z.array(z.string()),
});

import { z } from 'zod';
import { timelineEventKinds } from '../domain/timeline-event.ts';
import { instantSchema, text } from './common.ts';
import { limits } from './limits.ts';
import { blamelessFindingSchema } from './postmortem-parts.ts';

/** Submitting a personal account: a participant's own story of the incident. */
export const createPersonalAccountBodySchema = z
  .object({
    /** The story, in the author's words. */
    body: text(limits.longTextMax),
    /** When true the server stores no link to the author anywhere; it can never be edited. */
    anonymous: z.boolean().default(false),
    /** Accounts are exempt from the blameless linter unless the author asks for its findings. */
    lintRequested: z.boolean().default(false),
  })
  .strict();

/** Editing one's own (named) account. */
export const updatePersonalAccountBodySchema = z
  .object({
    body: text(limits.longTextMax),
    lintRequested: z.boolean().default(false),
  })
  .strict();

/** Pinning a key moment of an account into the timeline, as a proposed event. */
export const pinPersonalAccountMomentBodySchema = z
  .object({
    /** The words of the account that describe the moment; must occur in the account. */
    excerpt: text(limits.shortTextMax),
    /** When it happened, with a zone. */
    occurredAt: instantSchema,
    kind: z.enum(timelineEventKinds).default('observation'),
  })
  .strict();

/** A personal account as the API returns it; author fields are null for anonymous accounts. */
export const personalAccountSchema = z.object({
  id: z.string(),
  postmortemId: z.string(),
  anonymous: z.boolean(),
  authorUserId: z.string().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  version: z.number().int(),
  submittedAt: z.string(),
});

/** A written account with the viewer's abilities and, when asked for, blameless findings. */
export const personalAccountWriteResponseSchema = z.object({
  data: personalAccountSchema,
  abilities: z.record(z.string(), z.boolean()),
  findings: z.array(blamelessFindingSchema.omit({ key: true, waiver: true })).nullable(),
});

export type PersonalAccountDto = z.infer<typeof personalAccountSchema>;
